import { parseGraphErrorText } from "../../graph/graphErrorText";
import type { StepError } from "../../shared/onboardingStatus";
import { parseRegistryErrorText } from "../../shared/registryErrorText";

/** Failed activity call as the orchestrator sees it: the activity's message and Graph's error fields, if any. */
export interface ActivityFailure extends StepError {
  /** Graph error kind, the registry's "transient" or "permanent", or "unknown" for any other text. */
  kind: string;
  /** True when a later attempt may succeed (throttling, timeouts, 5xx). */
  transient: boolean;
  /** Service that failed, as the text names it; null for an error of neither. */
  origin: "Graph" | "registry" | null;
}

const ACTIVITY_REASON_PREFIX = /^Activity function '[^']*' failed:\s*/;

/**
 * Extracts the activity's own error message from what the Durable library throws into the orchestrator: a
 * `TaskFailedError` carrying `failureDetails.errorMessage`, or an `Error` whose message is
 * "Activity function 'name' failed: <message> \n <stack>". Only the first line is kept, so no stack trace reaches
 * the custom status.
 */
export function activityErrorText(error: unknown): string {
  const details = (error as { failureDetails?: { errorMessage?: unknown } } | null)?.failureDetails;
  if (typeof details?.errorMessage === "string") {
    return firstLine(details.errorMessage);
  }
  const message = error instanceof Error ? error.message : String(error);
  return firstLine(message).replace(ACTIVITY_REASON_PREFIX, "").trim();
}

/**
 * Classifies a failed activity call; only Graph and registry errors of kind `transient` are worth a durable retry.
 */
export function describeActivityFailure(error: unknown): ActivityFailure {
  const message = activityErrorText(error);
  const parsed = parseGraphErrorText(message);
  if (parsed === undefined) {
    const registry = parseRegistryErrorText(message);
    if (registry !== undefined) {
      return { kind: registry.kind, transient: registry.kind === "transient", origin: "registry", message };
    }
    return { kind: "unknown", transient: false, origin: null, message };
  }
  const transient = parsed.kind === "transient";
  const failure: ActivityFailure = { kind: parsed.kind, transient, origin: "Graph", message };
  if (parsed.code !== undefined) {
    failure.graphCode = parsed.code;
  }
  if (parsed.requestId !== undefined) {
    failure.requestId = parsed.requestId;
  }
  return failure;
}

function firstLine(text: string): string {
  return (text.split("\n", 1)[0] ?? "").trim();
}
