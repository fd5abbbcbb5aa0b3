import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { inject } from "vitest";

import { startEmulator, type EmulatorSettings, type RunningEmulator } from "../../emulator/server";
import { spawnHost, type SpawnedHost } from "../local-host/spawnHost";

export const appRoot = path.resolve(__dirname, "../..");

/** Emulator delays short enough for tests but long enough that every wait in the flow really waits. */
export const FAST_EMULATOR: Partial<EmulatorSettings> = {
  replicationDelayMs: 300,
  policyPropagationDelayMs: 300,
  syncCycleIntervalMs: 500,
};

/** The Graph emulator in-process and the app on the local host in a child process, wired together. */
export interface FullStack {
  emulator: RunningEmulator;
  host: SpawnedHost;
  /** Base URL of the app's HTTP API, e.g. `http://127.0.0.1:1234/api`. */
  api: string;
  settingsFile: string;
  close(): Promise<void>;
}

/**
 * Registry table of the hosts this test file starts. Vitest loads this module once per test file, so each file gets its
 * own table in the shared Azurite and reads only its own pairs.
 */
export const registryTableName = `TenantPairs${randomBytes(6).toString("hex")}`;

/**
 * Writes the sample settings, pointed at the emulator and at the test run's Azurite and with `overrides`, into a new
 * temporary folder.
 */
export function writeTestSettings(emulatorUrl: string, overrides: Record<string, string> = {}): string {
  const sample = JSON.parse(readFileSync(path.join(appRoot, "local.settings.sample.json"), "utf8")) as {
    Values: Record<string, string>;
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), "full-stack-")), "local.settings.json");
  const values = {
    ...sample.Values,
    GRAPH_BASE_URL: emulatorUrl,
    GRAPH_REQUEST_TIMEOUT_MS: "5000",
    AzureWebJobsStorage: inject("azuriteConnectionString"),
    REGISTRY_TABLE_NAME: registryTableName,
    ...overrides,
  };
  writeFileSync(file, JSON.stringify({ IsEncrypted: false, Values: values }));
  return file;
}

export async function startFullStack(
  options: { settings?: Record<string, string>; dataDir?: string } = {},
): Promise<FullStack> {
  const emulator = await startEmulator({ port: 0, settings: FAST_EMULATOR });
  const settingsFile = writeTestSettings(emulator.url, options.settings);
  const host = await spawnHost({ appRoot, settingsFile, dataDir: options.dataDir, readyTimeoutMs: 30_000 });
  return {
    emulator,
    host,
    api: `${host.loopbackUrl}/api`,
    settingsFile,
    close: async () => {
      await host.stop();
      await emulator.close();
    },
  };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export interface OperationSummary {
  id: string;
  runtimeStatus: string;
  steps: Array<{ name: string; state: string; attempts: number }>;
  result?: {
    objects: {
      source: Array<{ type: string; id: string; created: boolean }>;
      target: Array<{ type: string; id: string; created: boolean }>;
    };
    firstCycle: { completed: boolean; countExported: number };
  };
  error?: { step: string; message: string; graphCode?: string; requestId?: string };
}

/** Polls an operation's status URI until the orchestration has finished, then returns its summary. */
export async function waitForOperation(statusUri: string, timeoutMs = 90_000): Promise<OperationSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const summary = await getJson<OperationSummary>(statusUri);
    if (["Completed", "Failed", "Terminated"].includes(summary.runtimeStatus)) return summary;
    if (Date.now() > deadline) throw new Error(`Operation still ${summary.runtimeStatus} after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The emulator's dump of one tenant, as far as these tests read it. */
export interface TenantDump {
  users: Array<{ id: string; userPrincipalName: string; userType: string; accountEnabled: boolean }>;
  groups: Array<{ id: string; displayName: string; members: string[] }>;
  applications: Array<{ id: string; appId: string; applicationTemplateId?: string; displayName: string }>;
  servicePrincipals: Array<{
    id: string;
    appId: string;
    appRoleAssignedTo: Array<{ principalId: string }>;
    synchronization: { jobs: Array<{ id: string; schedule: { state: string } }> };
  }>;
  partners: Array<{
    tenantId: string;
    automaticUserConsentSettings?: { inboundAllowed?: boolean | null; outboundAllowed?: boolean | null } | null;
    identitySynchronization: { userSyncInbound: { isSyncAllowed: boolean } } | null;
  }>;
}

export function dumpTenant(emulatorUrl: string, tenantId: string): Promise<TenantDump> {
  return getJson<TenantDump>(`${emulatorUrl}/_emulator/tenants/${tenantId}`);
}
