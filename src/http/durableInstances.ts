import type * as df from "durable-functions";

/** The Durable client calls the HTTP handlers use; tests pass a fake. */
export type OperationsClient = Pick<df.DurableClient, "getStatus" | "startNew">;

/** Runtime statuses of an instance that has not ended, so that starting it again would collide. */
const ACTIVE_STATUSES: ReadonlySet<string> = new Set(["Pending", "Running", "Suspended", "ContinuedAsNew"]);

export function isActiveRuntimeStatus(runtimeStatus: string): boolean {
  return ACTIVE_STATUSES.has(runtimeStatus);
}

/**
 * Returns true when `getStatus` failed because the instance does not exist.
 * NOTE: durable-functions 3.5.0 reports this only as an `Error` whose message mentions "HTTP 404"; no error class
 * or status field marks it, so the message is matched.
 */
export function isInstanceNotFoundError(error: unknown): boolean {
  return error instanceof Error && /\bHTTP 404\b/.test(error.message);
}

/** Reads an instance's status, or undefined when no instance has that id. Other failures propagate. */
export async function findInstance(
  client: OperationsClient,
  instanceId: string,
  options: df.GetStatusOptions = {},
): Promise<df.DurableOrchestrationStatus | undefined> {
  try {
    return await client.getStatus(instanceId, options);
  } catch (error) {
    if (isInstanceNotFoundError(error)) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Returns an error's name and message for a log line. Whole error objects are not logged, because errors of the
 * Durable client's HTTP library carry the request's configuration.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return error === undefined ? "" : String(error);
}
