/** Calls to the Graph emulator's admin API (`/_emulator/...`) that the benchmark makes. */
import { getJson } from "./http";

/** The emulator's timing settings, in milliseconds, as `GET /_emulator/settings` returns them. */
export type EmulatorDelays = Record<string, number>;

/** One entry of the emulator's Graph request log. Token requests are not logged. */
export interface GraphRequestLogEntry {
  method: string;
  path: string;
  /** Tenant of the caller's token, or null when the request carried no valid token. */
  tenantId: string | null;
  status: number;
  time: string;
}

/** A tenant that `POST /_emulator/tenants` created, with the id of its "All Employees" group. */
export interface CreatedTenant {
  tenantId: string;
  groupId: string;
}

export async function createTenant(emulatorUrl: string, displayName: string): Promise<CreatedTenant> {
  const response = await fetch(`${emulatorUrl}/_emulator/tenants`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ displayName }),
  });
  if (response.status !== 201) {
    throw new Error(
      `Creating emulator tenant "${displayName}" failed with ${response.status}: ${await response.text()}`,
    );
  }
  const dump = (await response.json()) as { tenantId: string; groups: Array<{ id: string; displayName: string }> };
  const group = dump.groups.find((candidate) => candidate.displayName === "All Employees");
  if (group === undefined) {
    throw new Error(`The emulator created tenant "${displayName}" without an "All Employees" group.`);
  }
  return { tenantId: dump.tenantId, groupId: group.id };
}

export function readEmulatorDelays(emulatorUrl: string): Promise<EmulatorDelays> {
  return getJson<EmulatorDelays>(`${emulatorUrl}/_emulator/settings`);
}

/** Changes some of the emulator's settings and returns all of them as they now are. */
export async function changeEmulatorDelays(emulatorUrl: string, delays: EmulatorDelays): Promise<EmulatorDelays> {
  const response = await fetch(`${emulatorUrl}/_emulator/settings`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(delays),
  });
  if (!response.ok) {
    throw new Error(`Changing the emulator's settings failed with ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as EmulatorDelays;
}

export function readRequestLog(emulatorUrl: string): Promise<GraphRequestLogEntry[]> {
  return getJson<GraphRequestLogEntry[]>(`${emulatorUrl}/_emulator/requests`);
}

export async function clearRequestLog(emulatorUrl: string): Promise<void> {
  const response = await fetch(`${emulatorUrl}/_emulator/requests`, { method: "DELETE" });
  if (response.status !== 204) {
    throw new Error(`Clearing the emulator's request log failed with ${response.status}: ${await response.text()}`);
  }
}
