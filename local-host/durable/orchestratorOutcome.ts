import type { OrchestratorState } from "./actions";

const outOfProcMarker = "$OutOfProcData$:";

export type OrchestratorOutcome =
  | { kind: "state"; state: OrchestratorState }
  | { kind: "failed"; message: string; failureDetails: unknown; customStatus?: unknown };

function isState(value: unknown): value is OrchestratorState {
  return typeof value === "object" && value !== null && Array.isArray((value as OrchestratorState).actions);
}

/** Interprets the orchestrator handler's result. */
export function fromOrchestratorResult(result: unknown): OrchestratorOutcome {
  if (isState(result)) {
    return { kind: "state", state: result };
  }
  return { kind: "failed", message: "The orchestrator returned no orchestration state.", failureDetails: undefined };
}

/**
 * Interprets what a failing orchestrator threw. durable-functions appends the whole orchestration state as JSON
 * after a marker. The state's `error` is the user's message, while the text before the marker is a generic prefix.
 */
export function fromOrchestratorError(error: unknown): OrchestratorOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const markerAt = message.indexOf(outOfProcMarker);
  if (markerAt >= 0) {
    try {
      const state = JSON.parse(message.slice(markerAt + outOfProcMarker.length)) as OrchestratorState;
      return {
        kind: "failed",
        message: state.error ?? message.slice(0, markerAt).trim(),
        failureDetails: state.failureDetails,
        customStatus: state.customStatus,
      };
    } catch {
      // Falls through to the plain message below.
    }
  }
  return { kind: "failed", message, failureDetails: undefined };
}
