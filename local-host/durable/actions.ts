/** Orchestrator action types as durable-functions 3.5.0 numbers them (`ActionType`). */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  WhenAny: 11,
  WhenAll: 12,
} as const;

export interface RetryOptions {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

export interface Action {
  actionType: number;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  retryOptions?: RetryOptions;
  fireAt?: string;
  isCanceled?: boolean;
  externalEventName?: string;
  compoundActions?: Action[];
}

/** The orchestrator's returned state (`OrchestratorState` in durable-functions). */
export interface OrchestratorState {
  isDone: boolean;
  actions: Action[][];
  output?: unknown;
  error?: string;
  customStatus?: unknown;
  failureDetails?: unknown;
}

/**
 * Leaf actions in the order the library assigns task ids: yield order, compound children depth-first. A task that
 * is already scheduled and then appears in a new `Task.all`/`Task.any` repeats the same action object in that
 * compound's children; durable-functions 3.5.0 numbers it once, so it is listed once. This relies on the state
 * object the handler returned in this process, where the repeated child is the identical object.
 * NOTE: the Azure extension receives the actions as JSON and schedules such a repeated child again under a new id,
 * so on Azure the activity runs twice and later ids shift.
 */
export function flattenActions(actions: Action[][]): Action[] {
  const leaves: Action[] = [];
  const seen = new Set<Action>();
  const visit = (action: Action): void => {
    if (seen.has(action)) return;
    seen.add(action);
    if (action.actionType === ActionType.WhenAll || action.actionType === ActionType.WhenAny) {
      (action.compoundActions ?? []).forEach(visit);
    } else {
      leaves.push(action);
    }
  };
  actions.flat().forEach(visit);
  return leaves;
}

/** Checks whether the library gives this action a task id. WaitForExternalEvent and ContinueAsNew take none. */
export function takesTaskId(action: Action): boolean {
  return action.actionType !== ActionType.WaitForExternalEvent && action.actionType !== ActionType.ContinueAsNew;
}

/**
 * Returns the value the orchestrator passed. `callActivity`, `callActivityWithRetry` and `continueAsNew`
 * JSON-encode string inputs (`Utils.processInput`); sub-orchestration inputs are passed as they are.
 */
export function decodeActionInput(action: Action): unknown {
  const encodes =
    action.actionType === ActionType.CallActivity ||
    action.actionType === ActionType.CallActivityWithRetry ||
    action.actionType === ActionType.ContinueAsNew;
  if (encodes && typeof action.input === "string") {
    try {
      return JSON.parse(action.input) as unknown;
    } catch {
      return action.input;
    }
  }
  return action.input;
}

/**
 * Delay before retry attempt `failedAttempt + 1`: first interval × backoff^(failedAttempt − 1), capped by the
 * maximum interval, as the Durable Task Framework's RetryOptions computes it.
 */
export function retryDelayMs(options: RetryOptions, failedAttempt: number): number {
  const backoff = options.backoffCoefficient ?? 1;
  const delay = options.firstRetryIntervalInMilliseconds * Math.pow(backoff, failedAttempt - 1);
  const cap = options.maxRetryIntervalInMilliseconds;
  return cap !== undefined && cap > 0 ? Math.min(delay, cap) : delay;
}
