import { describe, expect, it } from "vitest";
import { ActionType } from "../../../local-host/durable/actions";
import { history } from "./historyBuilder";
import { registerOrchestrator, replay, replayHarness, replayState } from "./replayHarness";

const { df } = replayHarness();

// Three attempts, one second apart; the result feeds a plain activity.
registerOrchestrator("ReplayRetry", function* (context) {
  const result: unknown = yield context.df.callActivityWithRetry("Flaky", new df.RetryOptions(1000, 3), "x");
  return yield context.df.callActivity("After", result);
});

const retryAction = {
  actionType: ActionType.CallActivityWithRetry,
  functionName: "Flaky",
  input: JSON.stringify("x"),
  retryOptions: { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 3 },
};

describe("replayed retries", () => {
  it("schedules the first attempt", async () => {
    const state = await replayState("ReplayRetry", history("ReplayRetry").build());
    expect(state.isDone).toBe(false);
    expect(state.actions).toEqual([[retryAction]]);
  });

  it("waits for the retry timer after a failed attempt", async () => {
    const events = history("ReplayRetry").scheduled(0, "Flaky").episode().failed(0, "boom").build();
    const state = await replayState("ReplayRetry", events);
    expect(state.isDone).toBe(false);
    expect(state.actions).toEqual([[retryAction]]);
  });

  it("resolves the second attempt by id 2 after timer 1", async () => {
    const events = history("ReplayRetry")
      .scheduled(0, "Flaky")
      .episode()
      .failed(0, "boom")
      .timerCreated(1, new Date())
      .episode()
      .timerFired(1)
      .scheduled(2, "Flaky")
      .episode()
      .completed(2, "ok")
      .build();
    const state = await replayState("ReplayRetry", events);
    expect(state.isDone).toBe(false);
    expect(state.actions[0]?.[1]).toEqual({
      actionType: ActionType.CallActivity,
      functionName: "After",
      input: JSON.stringify("ok"),
    });
  });

  it("numbers the next action after all retry ids", async () => {
    const events = history("ReplayRetry")
      .scheduled(0, "Flaky")
      .episode()
      .failed(0, "boom")
      .timerCreated(1, new Date())
      .episode()
      .timerFired(1)
      .scheduled(2, "Flaky")
      .episode()
      .failed(2, "boom again")
      .timerCreated(3, new Date())
      .episode()
      .timerFired(3)
      .scheduled(4, "Flaky")
      .episode()
      .completed(4, "third time")
      .scheduled(5, "After", "third time")
      .episode()
      .completed(5, "done")
      .build();
    const state = await replayState("ReplayRetry", events);
    expect(state.isDone).toBe(true);
    expect(state.output).toBe("done");
  });

  it("waits for one more timer after the last attempt fails", async () => {
    const exhausted = history("ReplayRetry")
      .scheduled(0, "Flaky")
      .episode()
      .failed(0, "one")
      .timerCreated(1, new Date())
      .episode()
      .timerFired(1)
      .scheduled(2, "Flaky")
      .episode()
      .failed(2, "two")
      .timerCreated(3, new Date())
      .episode()
      .timerFired(3)
      .scheduled(4, "Flaky")
      .episode()
      .failed(4, "three");
    const waiting = await replayState("ReplayRetry", exhausted.build());
    expect(waiting.isDone).toBe(false);
    expect(waiting.error).toBeUndefined();

    const failed = await replay("ReplayRetry", exhausted.timerCreated(5, new Date()).episode().timerFired(5).build());
    expect(failed.kind).toBe("thrown");
    expect(failed.state.isDone).toBe(false);
    // The last attempt's Reason and Details, joined as the library joins them.
    expect(failed.state.error).toBe("three \n stack");
  });
});
