import { describe, expect, it } from "vitest";
import {
  type Action,
  ActionType,
  decodeActionInput,
  flattenActions,
  retryDelayMs,
} from "../../local-host/durable/actions";
import { EventType, createEvent } from "../../local-host/durable/historyEvents";
import {
  applyRetryEvent,
  deliverableCount,
  initialRunnerState,
  planNewActions,
} from "../../local-host/durable/runnerState";

const activity = (name: string): Action => ({ actionType: ActionType.CallActivity, functionName: name, input: null });
const retrying = (name: string, maxNumberOfAttempts: number): Action => ({
  actionType: ActionType.CallActivityWithRetry,
  functionName: name,
  input: null,
  retryOptions: { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts },
});
const failed = (taskId: number) =>
  createEvent(EventType.TaskFailed, { TaskScheduledId: taskId, Reason: "x", Details: "" });
const completed = (taskId: number) => createEvent(EventType.TaskCompleted, { TaskScheduledId: taskId, Result: "1" });
const timerFired = (timerId: number) => createEvent(EventType.TimerFired, { TimerId: timerId, FireAt: "" });

describe("flattenActions", () => {
  it("lists compound children depth-first in yield order", () => {
    const actions: Action[][] = [
      [
        activity("a"),
        {
          actionType: ActionType.WhenAll,
          compoundActions: [
            activity("b"),
            { actionType: ActionType.WhenAny, compoundActions: [activity("c"), activity("d")] },
            activity("e"),
          ],
        },
        activity("f"),
      ],
    ];
    expect(flattenActions(actions).map((action) => action.functionName)).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});

describe("planNewActions", () => {
  it("skips ids for external events and continue-as-new", () => {
    const state = initialRunnerState();
    const leaves: Action[] = [
      activity("a"),
      { actionType: ActionType.WaitForExternalEvent, externalEventName: "go" },
      { actionType: ActionType.CreateTimer, fireAt: new Date(0).toISOString(), isCanceled: false },
      { actionType: ActionType.ContinueAsNew, input: null },
    ];
    const planned = planNewActions(state, leaves);
    expect(planned.map((entry) => entry.taskId)).toEqual([0, null, 1, null]);
    expect(state.nextId).toBe(2);
  });

  it("plans only leaves beyond the cursor", () => {
    const state = initialRunnerState();
    planNewActions(state, [activity("a")]);
    const planned = planNewActions(state, [activity("a"), activity("b")]);
    expect(planned).toHaveLength(1);
    expect(planned[0]?.taskId).toBe(1);
    expect(planned[0]?.action.functionName).toBe("b");
  });
});

describe("retry numbering", () => {
  it("takes a timer id per failure and an attempt id per retry", () => {
    const state = initialRunnerState();
    planNewActions(state, [retrying("flaky", 3)]);
    const now = 1_000_000;

    const firstTimer = applyRetryEvent(state, failed(0), now);
    expect(firstTimer).toEqual({ kind: "timer", timerId: 1, fireAt: new Date(now + 1000) });
    const secondAttempt = applyRetryEvent(state, timerFired(1), now);
    expect(secondAttempt?.kind).toBe("attempt");
    expect(secondAttempt?.kind === "attempt" ? secondAttempt.taskId : undefined).toBe(2);
    const secondTimer = applyRetryEvent(state, failed(2), now);
    expect(secondTimer?.kind).toBe("timer");
    expect(secondTimer?.kind === "timer" ? secondTimer.timerId : undefined).toBe(3);
    expect(applyRetryEvent(state, timerFired(3), now)?.kind).toBe("attempt");
    expect(state.nextId).toBe(5);
  });

  it("still schedules a timer after the last failed attempt", () => {
    const state = initialRunnerState();
    planNewActions(state, [retrying("flaky", 1)]);
    const timer = applyRetryEvent(state, failed(0), 5000);
    expect(timer).toEqual({ kind: "timer", timerId: 1, fireAt: new Date(6000) });
    expect(applyRetryEvent(state, timerFired(1), 5000)).toBeUndefined();
    expect(state.retries).toHaveLength(0);
  });

  it("closes the retry when an attempt succeeds", () => {
    const state = initialRunnerState();
    planNewActions(state, [retrying("flaky", 3)]);
    expect(applyRetryEvent(state, completed(0), 0)).toBeUndefined();
    expect(state.retries).toHaveLength(0);
    expect(state.nextId).toBe(1);
  });

  it("delivers a retry event alone and stops other events before it", () => {
    const state = initialRunnerState();
    planNewActions(state, [activity("plain"), retrying("flaky", 3)]);
    expect(deliverableCount([completed(0), failed(1)], state)).toBe(1);
    expect(deliverableCount([failed(1), completed(0)], state)).toBe(1);
    expect(deliverableCount([completed(0)], state)).toBe(1);
    const noRetries = initialRunnerState();
    planNewActions(noRetries, [activity("a"), activity("b")]);
    expect(deliverableCount([completed(0), completed(1)], noRetries)).toBe(2);
  });

  it("grows the delay by the backoff coefficient up to the maximum", () => {
    const options = { firstRetryIntervalInMilliseconds: 100, maxNumberOfAttempts: 5, backoffCoefficient: 2 };
    expect([1, 2, 3].map((attempt) => retryDelayMs(options, attempt))).toEqual([100, 200, 400]);
    expect(retryDelayMs({ ...options, maxRetryIntervalInMilliseconds: 250 }, 3)).toBe(250);
  });
});

describe("decodeActionInput", () => {
  it("undoes the JSON encoding of activity string inputs", () => {
    expect(decodeActionInput({ actionType: ActionType.CallActivity, input: JSON.stringify("text") })).toBe("text");
    expect(decodeActionInput({ actionType: ActionType.ContinueAsNew, input: JSON.stringify("next") })).toBe("next");
  });

  it("passes sub-orchestration inputs as they are", () => {
    expect(decodeActionInput({ actionType: ActionType.CallSubOrchestrator, input: '"quoted"' })).toBe('"quoted"');
    expect(decodeActionInput({ actionType: ActionType.CallActivity, input: { a: 1 } })).toEqual({ a: 1 });
  });
});
