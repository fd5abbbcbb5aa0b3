import type { InvocationContext } from "@azure/functions";

import { errorText } from "./durableInstances";
import { type ProblemDetails, ProblemTypes } from "./problemDetails";

/**
 * Seconds a client should wait (`Retry-After`) after a 503 for an unavailable registry. The Table client has already
 * retried for a few seconds by then; 30 s is a judgment, not a measured outage length.
 */
export const REGISTRY_RETRY_AFTER_SECONDS = 30;

/** Builds the 503 problem for a failed registry read, after logging the error with the route's ids. */
export function registryUnavailableProblem(context: InvocationContext, event: string, error: unknown): ProblemDetails {
  context.error(`${event} ${errorText(error)}`);
  return {
    type: ProblemTypes.dependencyUnavailable,
    title: "The tenant-pair registry is unavailable.",
    status: 503,
    detail: "Could not read the tenant-pair registry in the app's storage account; try again later.",
  };
}

/** Builds the 400 problem for a tenant id in the path that is not a GUID. */
export function invalidTenantIdProblem(name: string, value: string): ProblemDetails {
  return {
    type: ProblemTypes.invalidRequest,
    title: "The tenant id is invalid.",
    status: 400,
    detail: `${name} '${value.slice(0, 80)}' is not a GUID; tenant pairs are addressed by tenant ids.`,
  };
}
