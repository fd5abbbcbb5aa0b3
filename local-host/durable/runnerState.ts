import { type Action, ActionType, type RetryOptions, decodeActionInput, retryDelayMs, takesTaskId } from "./actions";
import { EventType, type HistoryEvent, completionKey, isFailureEvent } from "./historyEvents";

/** A call made with retry options whose outcome is still open. */
export interface RetryGroup {
  kind: "activity" | "subOrchestration";
  name: string;
  input: unknown;
  instanceId: string | undefined;
  options: RetryOptions;
  /** The attempt now running or last failed, from 1. */
  attempt: number;
  currentTaskId: number;
  /** The retry timer the library waits for after a failed attempt, or null while an attempt runs. */
  timerId: number | null;
  /** Epoch ms of the episode that scheduled the first attempt; absent in state stored by older hosts. */
  firstAttemptAt?: number;
}

/**
 * The host's mirror of the library's task numbering for one execution. The library never checks scheduling
 * events, so completions must carry the ids that it will assign. There is one counter per execution. Each new leaf
 * action takes an id in yield order, and each retry timer and retry attempt takes one when its event is replayed.
 */
export interface RunnerState {
  nextId: number;
  /** Task id (or null for actions without one) of each leaf action already handled, by leaf index. */
  leafIds: (number | null)[];
  retries: RetryGroup[];
}

export function initialRunnerState(): RunnerState {
  return { nextId: 0, leafIds: [], retries: [] };
}

function findRetryGroup(state: RunnerState, event: HistoryEvent): RetryGroup | undefined {
  const key = completionKey(event);
  if (typeof key !== "number") {
    return undefined;
  }
  if (event.EventType === EventType.TimerFired) {
    return state.retries.find((group) => group.timerId === key);
  }
  return state.retries.find((group) => group.currentTaskId === key && group.timerId === null);
}

/**
 * Returns how many of `events` (in arrival order) one episode may deliver. The library gives an event that moves a
 * retry a task id before the orchestrator code resumes. So that event is delivered alone and other events stop
 * before it, which keeps the ids of new actions after the retry's id, as in the library.
 */
export function deliverableCount(events: HistoryEvent[], state: RunnerState): number {
  const firstRetryEvent = events.findIndex((event) => findRetryGroup(state, event) !== undefined);
  if (firstRetryEvent === -1) {
    return events.length;
  }
  return firstRetryEvent === 0 ? 1 : firstRetryEvent;
}

export type RetryFollowUp =
  | { kind: "timer"; timerId: number; fireAt: Date }
  | { kind: "attempt"; taskId: number; group: RetryGroup }
  | { kind: "timedOut"; group: RetryGroup };

/** Advances the retry that `event` completes, mirroring durable-functions' `RetryableTask.trySetValue`. */
export function applyRetryEvent(state: RunnerState, event: HistoryEvent, now: number): RetryFollowUp | undefined {
  const group = findRetryGroup(state, event);
  if (!group) {
    return undefined;
  }
  if (event.EventType === EventType.TimerFired) {
    group.timerId = null;
    if (group.attempt >= group.options.maxNumberOfAttempts) {
      state.retries = state.retries.filter((candidate) => candidate !== group);
      return undefined;
    }
    group.attempt += 1;
    group.currentTaskId = state.nextId++;
    return { kind: "attempt", taskId: group.currentTaskId, group };
  }
  if (!isFailureEvent(event)) {
    state.retries = state.retries.filter((candidate) => candidate !== group);
    return undefined;
  }
  // The extension retries through the Durable Task Framework's RetryInterceptor, which stops without a timer once
  // the episode's time reaches the first attempt's time plus retryTimeout. durable-functions 3.5.0 still waits for
  // a retry timer then, so the orchestration stays Running for good, as it does on Azure.
  const timeout = group.options.retryTimeoutInMilliseconds ?? 0;
  if (timeout > 0 && group.firstAttemptAt !== undefined && now >= group.firstAttemptAt + timeout) {
    state.retries = state.retries.filter((candidate) => candidate !== group);
    return { kind: "timedOut", group };
  }
  // RetryInterceptor also creates the timer after the last attempt, with the usual delay, and the library waits
  // for it before it fails the task.
  group.timerId = state.nextId++;
  return { kind: "timer", timerId: group.timerId, fireAt: new Date(now + retryDelayMs(group.options, group.attempt)) };
}

export interface PlannedAction {
  action: Action;
  leafIndex: number;
  taskId: number | null;
}

/**
 * Numbers the leaf actions not handled yet and opens retry groups for those with retry options. `now` is the
 * episode's time in epoch ms, from which a retry timeout counts.
 */
export function planNewActions(state: RunnerState, leaves: Action[], now = 0): PlannedAction[] {
  const planned: PlannedAction[] = [];
  for (let leafIndex = state.leafIds.length; leafIndex < leaves.length; leafIndex++) {
    const action = leaves[leafIndex] as Action;
    const taskId = takesTaskId(action) ? state.nextId++ : null;
    state.leafIds.push(taskId);
    planned.push({ action, leafIndex, taskId });
    const retryKind =
      action.actionType === ActionType.CallActivityWithRetry
        ? "activity"
        : action.actionType === ActionType.CallSubOrchestratorWithRetry
          ? "subOrchestration"
          : undefined;
    if (retryKind && taskId !== null && action.retryOptions) {
      state.retries.push({
        kind: retryKind,
        name: action.functionName ?? "",
        input: decodeActionInput(action),
        instanceId: action.instanceId,
        options: action.retryOptions,
        attempt: 1,
        currentTaskId: taskId,
        timerId: null,
        firstAttemptAt: now,
      });
    }
  }
  return planned;
}
