import { isGraphRequestError } from "../graph/graphRequestError";
import { TenantNotFoundError } from "../graph/tenantLookup";
import type { TenantInfo } from "../shared/onboardingContracts";
import { type ProblemDetails, ProblemTypes } from "./problemDetails";

export type ResolveTenant = (nameOrId: string) => Promise<TenantInfo>;

export type TenantPairResolution =
  | { ok: true; source: TenantInfo; target: TenantInfo }
  | { ok: false; problem: ProblemDetails; cause?: unknown; headers?: Record<string, string> };

/** `Retry-After` of a 503 when Graph gave none: about the time one quick lookup may take. */
export const DEFAULT_RETRY_AFTER_SECONDS = 10;

/**
 * Resolves both tenants of a request. Unknown tenants give a 422 problem naming each of them. A transient Graph
 * failure (throttling, unavailability, timeout) gives 503 with a `Retry-After` header: Graph's longest value, else
 * `DEFAULT_RETRY_AFTER_SECONDS`. Another Graph failure gives 502 and any other error 500, because the request itself
 * may be fine.
 */
export async function resolveTenantPair(
  resolveTenant: ResolveTenant,
  source: string,
  target: string,
): Promise<TenantPairResolution> {
  // Domain names and GUIDs are case-insensitive, so lookups use the lower-case form and messages the caller's form.
  const [sourceResult, targetResult] = await Promise.allSettled([
    resolveTenant(source.toLowerCase()),
    resolveTenant(target.toLowerCase()),
  ]);
  if (sourceResult.status === "fulfilled" && targetResult.status === "fulfilled") {
    return { ok: true, source: sourceResult.value, target: targetResult.value };
  }
  const failures = [
    { pointer: "/source", name: source, result: sourceResult },
    { pointer: "/target", name: target, result: targetResult },
  ].flatMap((entry) =>
    entry.result.status === "rejected" ? [{ ...entry, reason: entry.result.reason as unknown }] : [],
  );

  const other = failures.find((failure) => !(failure.reason instanceof TenantNotFoundError));
  if (other !== undefined) {
    const problem = lookupFailedProblem(other.name, other.reason);
    if (problem.status !== 503) {
      return { ok: false, problem, cause: other.reason };
    }
    const headers = { "Retry-After": String(retryAfterSeconds(failures.map((failure) => failure.reason))) };
    return { ok: false, problem, cause: other.reason, headers };
  }
  const names = failures.map((failure) => `'${failure.name}'`).join(" and ");
  return {
    ok: false,
    problem: {
      type: ProblemTypes.tenantNotFound,
      title: "A tenant was not found.",
      status: 422,
      detail: `No Microsoft Entra tenant has the id or verified domain name ${names}. Nothing was started.`,
      errors: failures.map((failure) => ({
        pointer: failure.pointer,
        detail: `no tenant has the id or verified domain name '${failure.name}'`,
      })),
    },
  };
}

/** Returns the longest `Retry-After` that Graph sent for the failed lookups, or the default when it sent none. */
function retryAfterSeconds(reasons: readonly unknown[]): number {
  const values = reasons.filter(isGraphRequestError).flatMap((error) => error.retryAfterSeconds ?? []);
  return values.length === 0 ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(...values);
}

function lookupFailedProblem(name: string, reason: unknown): ProblemDetails {
  const problem = { type: ProblemTypes.dependencyUnavailable };
  if (!isGraphRequestError(reason)) {
    // Any other error may carry anything, so its text stays in the logs.
    return {
      ...problem,
      title: "The tenant lookup failed.",
      status: 500,
      detail: `Looking up tenant '${name}' failed unexpectedly. Nothing was started.`,
    };
  }
  // A GraphRequestError message is one line that contains no secret.
  if (reason.kind === "transient") {
    return {
      ...problem,
      title: "Microsoft Graph is unavailable.",
      status: 503,
      detail: `Looking up tenant '${name}' failed: ${reason.message} Nothing was started; try again later.`,
    };
  }
  return {
    ...problem,
    title: "Microsoft Graph rejected the tenant lookup.",
    status: 502,
    detail:
      `Looking up tenant '${name}' failed: ${reason.message} Nothing was started; check that the app is consented ` +
      "in that tenant.",
  };
}
