import type { TenantInfo } from "../shared/onboardingContracts";
import type { GraphApi } from "./graphApi";
import { createQuickGraphClient, QUICK_REQUEST_TIMEOUT_MS } from "./graphClient";
import { GraphRequestError, isGraphRequestError } from "./graphRequestError";
import { resolveTenant, tenantLookupPath } from "./tenantLookup";

/** Total time an HTTP starter spends on one tenant lookup, the token request and the one retry included. */
export const QUICK_LOOKUP_DEADLINE_MS = 10_000;

/** Wait before the retry when Graph sent no `Retry-After`. */
const DEFAULT_RETRY_DELAY_MS = 1000;

export interface QuickLookupOptions {
  deadlineMs?: number;
  /** Per-attempt timeout of the clients `clientFor` returns; the retry happens only if one more attempt fits. */
  requestTimeoutMs?: number;
  clientFor?: (tenant: string) => GraphApi;
}

/** The timeout failure; its path names the lookup function without the looked-up value. */
function deadlineError(nameOrId: string, deadlineMs: number): GraphRequestError {
  return new GraphRequestError({
    kind: "transient",
    code: "Timeout",
    method: "GET",
    path: tenantLookupPath(nameOrId.trim()).replace(/\(.*$/, ""),
    graphMessage: `The tenant lookup did not finish within ${deadlineMs} ms.`,
  });
}

/** Settles with `promise`, or rejects with `onTimeout()` once `deadline` (epoch ms) has passed. */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves a tenant like `resolveTenant`, within a fixed budget, for HTTP starters that must respond quickly. A
 * transient failure is retried once, and only when Graph's `Retry-After` (or one second) plus one more attempt fits in
 * the deadline; otherwise the failure is thrown at once, keeping its `retryAfterSeconds` for the caller's answer.
 * @throws GraphRequestError of kind `transient` and code `Timeout` when the deadline passes.
 * @throws everything `resolveTenant` throws.
 */
export async function resolveTenantQuickly(nameOrId: string, options: QuickLookupOptions = {}): Promise<TenantInfo> {
  const deadlineMs = options.deadlineMs ?? QUICK_LOOKUP_DEADLINE_MS;
  const requestTimeoutMs = options.requestTimeoutMs ?? QUICK_REQUEST_TIMEOUT_MS;
  const clientFor = options.clientFor ?? createQuickGraphClient;
  const deadline = Date.now() + deadlineMs;
  const attempt = () =>
    beforeDeadline(resolveTenant(nameOrId, clientFor), deadline, () => deadlineError(nameOrId, deadlineMs));
  try {
    return await attempt();
  } catch (error) {
    if (!isGraphRequestError(error) || error.kind !== "transient") {
      throw error;
    }
    const delayMs = error.retryAfterSeconds === undefined ? DEFAULT_RETRY_DELAY_MS : error.retryAfterSeconds * 1000;
    if (Date.now() + delayMs + requestTimeoutMs > deadline) {
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return await attempt();
  }
}
