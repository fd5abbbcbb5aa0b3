import { RestError } from "@azure/data-tables";

import { RegistryConflictError } from "../../registry/registryErrors";
import { formatRegistryError } from "../../shared/registryErrorText";

/** HTTP statuses of Table Storage that a later attempt may not get: throttling, timeouts and server errors. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Thrown by the registry activities in place of a storage error, with a message made by `formatRegistryError`, so
 * that the orchestrator retries transient failures with durable timers. The Table client's own retries (3 by default
 * in `@azure/data-tables` 13) are over within seconds, which a storage outage outlasts.
 */
export class RegistryWriteError extends Error {
  override readonly name = "RegistryWriteError";
}

/** Runs a registry write and rethrows a storage failure as a `RegistryWriteError`; other errors pass unchanged. */
export async function withRegistryFailures<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toRegistryWriteError(error) ?? error;
  }
}

/** Returns the `RegistryWriteError` for a storage failure, or undefined when `error` is not one. */
export function toRegistryWriteError(error: unknown): RegistryWriteError | undefined {
  if (error instanceof RegistryConflictError) {
    return new RegistryWriteError(formatRegistryError({ kind: "transient", message: error.message }), { cause: error });
  }
  if (!(error instanceof RestError)) {
    return undefined;
  }
  // A RestError without a status is a network failure, e.g. ECONNREFUSED while the storage emulator is down.
  const transient = error.statusCode === undefined || TRANSIENT_STATUSES.has(error.statusCode);
  const details = { kind: transient ? "transient" : "permanent", message: error.message } as const;
  const text = formatRegistryError({
    ...details,
    ...(error.statusCode === undefined ? {} : { status: error.statusCode }),
    ...(error.code === undefined ? {} : { code: error.code }),
  });
  return new RegistryWriteError(text, { cause: error });
}
