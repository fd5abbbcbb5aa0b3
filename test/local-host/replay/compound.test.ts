import { describe, expect, it } from "vitest";
import { ActionType } from "../../../local-host/durable/actions";
import { history, startTime } from "./historyBuilder";
import { registerOrchestrator, replayState } from "./replayHarness";

const fireAt = new Date(startTime.getTime() + 60_000);

// a, then all(b, any(c, timer), d), then e: ids a=0, b=1, c=2, timer=3, d=4, e=5.
registerOrchestrator("ReplayNested", function* (context) {
  yield context.df.callActivity("A");
  const any = context.df.Task.any([context.df.callActivity("C"), context.df.createTimer(fireAt)]);
  const results: unknown = yield context.df.Task.all([context.df.callActivity("B"), any, context.df.callActivity("D")]);
  const last: unknown = yield context.df.callActivity("E");
  return { results: Array.isArray(results) ? results.length : -1, last };
});

// One activity raced against two timers in turn: the library numbers it once (Slow=0, timers 1 and 2, After=3).
registerOrchestrator("ReplayReused", function* (context) {
  const first = context.df.callActivity("Slow");
  const winner: unknown = yield context.df.Task.any([first, context.df.createTimer(fireAt)]);
  const again = context.df.Task.any([first, context.df.createTimer(fireAt)]);
  const second: unknown = yield again;
  const after: unknown = yield context.df.callActivity("After");
  return { firstWon: winner === first, secondWon: second === first, after };
});

describe("replayed Task.all and Task.any", () => {
  it("numbers compound children depth-first", async () => {
    const events = history("ReplayNested")
      .scheduled(0, "A")
      .episode()
      .completed(0, "a")
      .scheduled(1, "B")
      .scheduled(2, "C")
      .timerCreated(3, fireAt)
      .scheduled(4, "D")
      .episode()
      .completed(1, "b")
      .completed(2, "c")
      .completed(4, "d")
      .scheduled(5, "E")
      .episode()
      .completed(5, "e")
      .build();
    const state = await replayState("ReplayNested", events);
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual({ results: 3, last: "e" });
    const compound = state.actions[0]?.[1];
    expect(compound?.actionType).toBe(ActionType.WhenAll);
    expect(compound?.compoundActions?.map((action) => action.actionType)).toEqual([
      ActionType.CallActivity,
      ActionType.WhenAny,
      ActionType.CallActivity,
    ]);
  });

  it("keeps the compound waiting while a child is open", async () => {
    const events = history("ReplayNested")
      .scheduled(0, "A")
      .episode()
      .completed(0, "a")
      .episode()
      .completed(1, "b")
      .completed(2, "c")
      .build();
    const state = await replayState("ReplayNested", events);
    expect(state.isDone).toBe(false);
    expect(state.actions[0]).toHaveLength(2);
  });

  it("lets the timer win Task.any", async () => {
    const events = history("ReplayNested")
      .scheduled(0, "A")
      .episode()
      .completed(0, "a")
      .episode()
      .completed(1, "b")
      .timerFired(3, fireAt)
      .completed(4, "d")
      .build();
    const state = await replayState("ReplayNested", events);
    expect(state.isDone).toBe(false);
    expect(state.actions[0]?.[2]).toMatchObject({ actionType: ActionType.CallActivity, functionName: "E" });
  });

  it("numbers a task raced twice only once", async () => {
    const events = history("ReplayReused")
      .episode()
      .timerFired(1, fireAt)
      .episode()
      .completed(0, "slow")
      .episode()
      .completed(3, "after")
      .build();
    const state = await replayState("ReplayReused", events);
    // The second Task.any repeats the Slow action in its compound actions, but its new timer takes id 2.
    const second = state.actions[0]?.[1];
    expect(second?.compoundActions?.[0]).toBe(state.actions[0]?.[0]?.compoundActions?.[0]);
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual({ firstWon: false, secondWon: true, after: "after" });
  });
});
