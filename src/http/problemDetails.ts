import type { HttpResponseInit } from "@azure/functions";

/** One problem with a request field; `pointer` is a JSON Pointer (RFC 6901) into the request body. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** An RFC 9457 problem details object, with the `errors` extension for field problems. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  /** Extension members, e.g. the id and status URI of a running instance. */
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * Problem type identifiers. They are tag URIs (RFC 4151), which RFC 9457 allows for types that are not meant to be
 * dereferenced.
 */
export const ProblemTypes = {
  invalidRequest: "tag:entra-cross-tenant-sync,2026:problems/invalid-request",
  tenantNotFound: "tag:entra-cross-tenant-sync,2026:problems/tenant-not-found",
  onboardingRunning: "tag:entra-cross-tenant-sync,2026:problems/onboarding-already-running",
  operationNotFound: "tag:entra-cross-tenant-sync,2026:problems/operation-not-found",
  dependencyUnavailable: "tag:entra-cross-tenant-sync,2026:problems/dependency-unavailable",
  tenantPairBusy: "tag:entra-cross-tenant-sync,2026:problems/tenant-pair-operation-running",
  tenantPairOffboarded: "tag:entra-cross-tenant-sync,2026:problems/tenant-pair-already-offboarded",
  tenantPairNotFound: "tag:entra-cross-tenant-sync,2026:problems/tenant-pair-not-found",
  healthCheckRunning: "tag:entra-cross-tenant-sync,2026:problems/health-check-already-running",
  configurationNameConflict: "tag:entra-cross-tenant-sync,2026:problems/configuration-name-conflict",
} as const;

/** Builds an HTTP response carrying a problem details body. */
export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status: problem.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
    body: JSON.stringify(problem),
  };
}

/** Builds the 400 problem listing every problem found in a request. */
export function invalidRequestProblem(errors: FieldProblem[], detail?: string): ProblemDetails {
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  return {
    type: ProblemTypes.invalidRequest,
    title: "The request is invalid.",
    status: 400,
    detail: detail ?? `The request has ${count}; see errors for each one. Nothing was started.`,
    errors,
  };
}

/** Builds the 503 problem for a failed call to the Durable task hub. The caller logs the error itself. */
export function orchestrationStoreUnavailableProblem(action: string): ProblemDetails {
  return {
    type: ProblemTypes.dependencyUnavailable,
    title: "The orchestration store is unavailable.",
    status: 503,
    detail: `Could not ${action} because the Durable Functions task hub did not respond as expected; try again later.`,
  };
}

/** Encodes a path as a JSON Pointer (RFC 6901): "~" becomes "~0" and "/" becomes "~1" in each segment. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
