import { describe, expect, it } from "vitest";
import { type Action, ActionType } from "../../local-host/durable/actions";
import { EventType, createEvent } from "../../local-host/durable/historyEvents";
import { applyRetryEvent, initialRunnerState, planNewActions } from "../../local-host/durable/runnerState";

const retrying = (retryTimeoutInMilliseconds?: number): Action => ({
  actionType: ActionType.CallActivityWithRetry,
  functionName: "flaky",
  input: null,
  retryOptions: { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 5, retryTimeoutInMilliseconds },
});
const failed = (taskId: number) =>
  createEvent(EventType.TaskFailed, { TaskScheduledId: taskId, Reason: "x", Details: "" });
const timerFired = (timerId: number) => createEvent(EventType.TimerFired, { TimerId: timerId, FireAt: "" });

describe("retry timeout", () => {
  it("retries while the timeout has not passed", () => {
    const state = initialRunnerState();
    planNewActions(state, [retrying(3000)], 10_000);
    expect(applyRetryEvent(state, failed(0), 12_999)).toEqual({ kind: "timer", timerId: 1, fireAt: new Date(13_999) });
  });

  it("stops without a timer once the timeout has passed", () => {
    const state = initialRunnerState();
    planNewActions(state, [retrying(3000)], 10_000);
    applyRetryEvent(state, failed(0), 11_000);
    applyRetryEvent(state, timerFired(1), 12_000);
    const followUp = applyRetryEvent(state, failed(2), 13_000);
    expect(followUp?.kind).toBe("timedOut");
    expect(state.retries).toHaveLength(0);
    expect(state.nextId).toBe(3);
  });

  it("counts from the first attempt, not the last failure", () => {
    const state = initialRunnerState();
    planNewActions(state, [retrying(1500)], 0);
    expect(applyRetryEvent(state, failed(0), 1000)?.kind).toBe("timer");
    expect(applyRetryEvent(state, timerFired(1), 2000)?.kind).toBe("attempt");
    expect(applyRetryEvent(state, failed(2), 2100)?.kind).toBe("timedOut");
  });

  it("ignores a zero or missing timeout", () => {
    for (const timeout of [0, undefined]) {
      const state = initialRunnerState();
      planNewActions(state, [retrying(timeout)], 0);
      expect(applyRetryEvent(state, failed(0), 10_000_000)?.kind).toBe("timer");
    }
  });
});
