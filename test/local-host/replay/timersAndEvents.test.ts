import { describe, expect, it } from "vitest";
import { ActionType } from "../../../local-host/durable/actions";
import { history, startTime } from "./historyBuilder";
import { registerOrchestrator, replayState } from "./replayHarness";

registerOrchestrator("ReplayTimer", function* (context) {
  const fireAt = new Date(context.df.currentUtcDateTime.getTime() + 5000);
  yield context.df.createTimer(fireAt);
  return yield context.df.callActivity("AfterTimer");
});

// The wait takes no id, so the activity after it is id 0.
registerOrchestrator("ReplayEvent", function* (context) {
  const approval: unknown = yield context.df.waitForExternalEvent("Approval");
  return yield context.df.callActivity("Apply", approval);
});

registerOrchestrator("ReplayContinue", function* (context) {
  const count = Number(context.df.getInput() ?? 0);
  yield context.df.callActivity("Step", count);
  if (count < 3) {
    context.df.continueAsNew(count + 1);
    return undefined;
  }
  return count;
});

describe("replayed timers", () => {
  it("fires at the episode's clock plus the delay", async () => {
    const state = await replayState("ReplayTimer", history("ReplayTimer").build());
    expect(state.actions).toEqual([
      [{ actionType: ActionType.CreateTimer, fireAt: new Date(startTime.getTime() + 5000), isCanceled: false }],
    ]);
  });

  it("numbers the activity after the timer as 1", async () => {
    const fireAt = new Date(startTime.getTime() + 5000);
    const events = history("ReplayTimer")
      .timerCreated(0, fireAt)
      .episode()
      .timerFired(0, fireAt)
      .scheduled(1, "AfterTimer")
      .episode()
      .completed(1, "done")
      .build();
    const state = await replayState("ReplayTimer", events);
    expect(state.isDone).toBe(true);
    expect(state.output).toBe("done");
  });
});

describe("replayed external events", () => {
  it("waits for the event by name without a task id", async () => {
    const state = await replayState("ReplayEvent", history("ReplayEvent").build());
    expect(state.isDone).toBe(false);
    expect(state.actions).toEqual([
      [{ actionType: ActionType.WaitForExternalEvent, externalEventName: "Approval", reason: "ExternalEvent" }],
    ]);
  });

  it("takes an event raised before the wait", async () => {
    const events = history("ReplayEvent").raised("Approval", { ok: true }).episode().completed(0, "applied").build();
    const state = await replayState("ReplayEvent", events);
    expect(state.isDone).toBe(true);
    expect(state.output).toBe("applied");
  });

  it("takes an event raised after the wait", async () => {
    const events = history("ReplayEvent").episode().raised("Approval", { ok: true }).build();
    const state = await replayState("ReplayEvent", events);
    expect(state.isDone).toBe(false);
    expect(state.actions[0]?.[1]).toEqual({
      actionType: ActionType.CallActivity,
      functionName: "Apply",
      input: { ok: true },
    });
  });

  it("ignores an event with another name", async () => {
    const events = history("ReplayEvent").episode().raised("approval", 1).build();
    const state = await replayState("ReplayEvent", events);
    expect(state.actions[0]).toHaveLength(1);
  });
});

describe("replayed continue-as-new", () => {
  it("ends the execution with a ContinueAsNew action", async () => {
    const events = history("ReplayContinue", 1).scheduled(0, "Step", 1).episode().completed(0, null).build();
    const state = await replayState("ReplayContinue", events, 1);
    expect(state.isDone).toBe(true);
    expect(state.actions[0]?.[1]).toEqual({ actionType: ActionType.ContinueAsNew, input: 2 });
  });

  it("returns the output in the last execution", async () => {
    const events = history("ReplayContinue", 3).scheduled(0, "Step", 3).episode().completed(0, null).build();
    const state = await replayState("ReplayContinue", events, 3);
    expect(state.isDone).toBe(true);
    expect(state.output).toBe(3);
    expect(state.actions[0]).toHaveLength(1);
  });
});
