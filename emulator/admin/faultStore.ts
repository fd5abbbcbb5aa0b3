import { randomUUID } from "node:crypto";

/** A rule that makes matching Graph requests fail or slow down. */
export interface Fault {
  id: string;
  method: string | null;
  /** Regular expression tested against the path after the version, e.g. `^/servicePrincipals/`. */
  path: string;
  tenantId: string | null;
  status: number | null;
  code: string | null;
  message: string | null;
  retryAfterSeconds: number | null;
  /** How many more requests this fault applies to. */
  remaining: number;
  delayMs: number;
  /** `before`: return the fault instead of running the route. `after`: run the route, then return the fault. */
  when: "before" | "after";
}

export class InvalidFaultError extends Error {
  override name = "InvalidFaultError";
}

const FAULT_PROPERTIES = [
  "method",
  "path",
  "tenantId",
  "status",
  "code",
  "message",
  "retryAfterSeconds",
  "times",
  "delayMs",
  "when",
];

function optionalInteger(body: Record<string, unknown>, name: string, min: number, max: number): number | null {
  const value = body[name];
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidFaultError(`'${name}' must be an integer from ${min} to ${max}.`);
  }
  return value;
}

function optionalString(body: Record<string, unknown>, name: string): string | null {
  const value = body[name];
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== "string" || value === "") {
    throw new InvalidFaultError(`'${name}' must be a non-empty string.`);
  }
  return value;
}

/** Validates a fault request body. Throws InvalidFaultError naming the bad property. */
export function parseFault(input: unknown): Fault {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidFaultError("The fault must be a JSON object.");
  }
  const body = input as Record<string, unknown>;
  const unknown = Object.keys(body).find((name) => !FAULT_PROPERTIES.includes(name));
  if (unknown !== undefined) {
    throw new InvalidFaultError(`Unknown property '${unknown}'. Known properties: ${FAULT_PROPERTIES.join(", ")}.`);
  }
  const path = optionalString(body, "path");
  if (path === null) {
    throw new InvalidFaultError("'path' is required: a regular expression on the path after the version.");
  }
  try {
    new RegExp(path);
  } catch (error) {
    throw new InvalidFaultError(`'path' is not a valid regular expression: ${(error as Error).message}`);
  }
  const method = optionalString(body, "method")?.toUpperCase() ?? null;
  const when = body.when ?? "before";
  if (when !== "before" && when !== "after") {
    throw new InvalidFaultError("'when' must be 'before' or 'after'.");
  }
  const status = optionalInteger(body, "status", 400, 599);
  const delayMs = optionalInteger(body, "delayMs", 0, 600_000) ?? 0;
  if (status === null && delayMs === 0) {
    throw new InvalidFaultError("Give a 'status' to fail requests, a 'delayMs' to slow them down, or both.");
  }
  return {
    id: randomUUID(),
    method,
    path,
    tenantId: optionalString(body, "tenantId")?.toLowerCase() ?? null,
    status,
    code: optionalString(body, "code"),
    message: optionalString(body, "message"),
    retryAfterSeconds: optionalInteger(body, "retryAfterSeconds", 0, 86_400),
    remaining: optionalInteger(body, "times", 1, 1_000_000) ?? 1,
    delayMs,
    when,
  };
}

/** Active faults, in the order they were added. */
export class FaultStore {
  #faults: Fault[] = [];

  add(fault: Fault): void {
    this.#faults.push(fault);
  }

  list(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.#faults = [];
  }

  /** Finds the first fault matching a request and uses up one of its remaining applications. */
  take(method: string, path: string, tenantId: string | null): Fault | undefined {
    const fault = this.#faults.find(
      (candidate) =>
        (candidate.method === null || candidate.method === method) &&
        (candidate.tenantId === null || candidate.tenantId === tenantId?.toLowerCase()) &&
        new RegExp(candidate.path).test(path),
    );
    if (fault === undefined) {
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) {
      this.#faults = this.#faults.filter((candidate) => candidate !== fault);
    }
    return { ...fault };
  }
}
