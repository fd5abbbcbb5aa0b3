import { getJson, postJson } from "../integration/fullStack";
import type { RequestPattern } from "./killPoints";

/** Fault body for the emulator's admin API (`POST /_emulator/faults`); `times` defaults to 1. */
export interface FaultRequest {
  method: string;
  path: string;
  tenantId: string;
  status?: number;
  code?: string;
  delayMs?: number;
  when?: "before" | "after";
}

interface RequestLogEntry {
  method: string;
  /** Path with the version prefix, e.g. `/v1.0/applications`. */
  path: string;
  tenantId: string | null;
  status: number;
}

/** Adds a fault that applies to one matching request and returns its id. */
export async function addFault(emulatorUrl: string, fault: FaultRequest): Promise<string> {
  const response = await postJson(`${emulatorUrl}/_emulator/faults`, fault);
  if (response.status !== 201) {
    throw new Error(`Adding a fault failed with ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { id: string }).id;
}

/** Tells whether a one-time fault has been taken by a request, which removes it from the emulator's list. */
export async function isFaultTaken(emulatorUrl: string, faultId: string): Promise<boolean> {
  const faults = await getJson<Array<{ id: string }>>(`${emulatorUrl}/_emulator/faults`);
  return !faults.some((fault) => fault.id === faultId);
}

/** Returns the number of logged Graph requests. The emulator logs a request once it has sent the response. */
export async function countLoggedRequests(emulatorUrl: string): Promise<number> {
  return (await getJson<RequestLogEntry[]>(`${emulatorUrl}/_emulator/requests`)).length;
}

/** Tells whether a request matching `pattern` was logged after the first `skip` logged requests. */
export async function wasLoggedSince(emulatorUrl: string, pattern: RequestPattern, skip: number): Promise<boolean> {
  const entries = (await getJson<RequestLogEntry[]>(`${emulatorUrl}/_emulator/requests`)).slice(skip);
  const path = new RegExp(pattern.path);
  return entries.some(
    (entry) =>
      entry.method === pattern.method &&
      entry.tenantId?.toLowerCase() === pattern.tenantId.toLowerCase() &&
      path.test(entry.path.replace(/^\/(v1\.0|beta)/, "")),
  );
}
