import type { StepError } from "../../shared/onboardingStatus";
import type { LeftBehindItem, RollbackItem, RollbackStatus } from "../../shared/rollbackStatus";
import { shortenMessage } from "./shortenMessage";
import { truncateText } from "./stepStatus";

/**
 * Maximum items listed in each of `rolledBack` and `leftBehind`. With up to 2,000 assignments in a scope the full
 * lists could pass Durable's 16 KB custom status limit; the counts stay complete.
 */
export const MAX_LISTED_ROLLBACK_ITEMS = 20;

/** Maximum length of an error message of a left-behind item. */
const MAX_ERROR_MESSAGE_LENGTH = 200;

export function startRollback(planned: number): RollbackStatus {
  return { state: "running", planned, rolledBack: [], rolledBackCount: 0, leftBehind: [], leftBehindCount: 0 };
}

/** Status of a failed run that keeps its partial setup: every planned item is listed as left behind. */
export function skipRollback(items: readonly RollbackItem[]): RollbackStatus {
  const error = { message: "Kept for inspection because the request set rollbackOnFailure to false." };
  const status: RollbackStatus = { ...startRollback(items.length), state: "skipped" };
  return items.reduce((current, item) => markLeftBehind(current, item, error), status);
}

export function markCompensating(status: RollbackStatus, item: RollbackItem): RollbackStatus {
  const { waitingFor: _waitingFor, ...rest } = status;
  return { ...rest, current: item };
}

export function markCompensationWaiting(status: RollbackStatus, waitingFor: string): RollbackStatus {
  return { ...status, waitingFor: truncateText(waitingFor) };
}

export function markRolledBack(status: RollbackStatus, item: RollbackItem): RollbackStatus {
  const { current: _current, waitingFor: _waitingFor, ...rest } = status;
  return {
    ...rest,
    rolledBack: appendCapped(status.rolledBack, item),
    rolledBackCount: status.rolledBackCount + 1,
  };
}

export function markLeftBehind(status: RollbackStatus, item: RollbackItem, error: StepError): RollbackStatus {
  const { current: _current, waitingFor: _waitingFor, ...rest } = status;
  const leftBehind: LeftBehindItem = { ...item, error: shortError(error) };
  return {
    ...rest,
    leftBehind: appendCapped(status.leftBehind, leftBehind),
    leftBehindCount: status.leftBehindCount + 1,
  };
}

/** Ends a running rollback: `rolledBack` when nothing is left behind, else `incomplete`. */
export function finishRollback(status: RollbackStatus): RollbackStatus {
  const { current: _current, waitingFor: _waitingFor, ...rest } = status;
  return { ...rest, state: status.leftBehindCount === 0 ? "rolledBack" : "incomplete" };
}

/** Short text for the log, e.g. "rolled back 7 of 8 changes; 1 left behind". */
export function describeRollback(status: RollbackStatus): string {
  if (status.state === "skipped") {
    return `skipped; ${status.leftBehindCount} changes kept for inspection`;
  }
  return `rolled back ${status.rolledBackCount} of ${status.planned} changes; ${status.leftBehindCount} left behind`;
}

function appendCapped<T>(items: readonly T[], item: T): T[] {
  return items.length < MAX_LISTED_ROLLBACK_ITEMS ? [...items, item] : [...items];
}

function shortError(error: StepError): StepError {
  const short: StepError = { message: shortenMessage(error.message, MAX_ERROR_MESSAGE_LENGTH) };
  if (error.graphCode !== undefined) {
    short.graphCode = error.graphCode;
  }
  if (error.requestId !== undefined) {
    short.requestId = error.requestId;
  }
  return short;
}
