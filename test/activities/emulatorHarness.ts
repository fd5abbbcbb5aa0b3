import { InvocationContext } from "@azure/functions";

import { FIXTURE_CLIENT_ID, FIXTURE_CLIENT_SECRET } from "../../emulator/fixture";
import { startEmulator } from "../../emulator/server";
import { resetSettingsCache } from "../../src/config/settings";
import { clearGraphClients } from "../../src/graph/graphClient";

/** Emulator timings that keep each replication or propagation wait short. */
export const FAST_SETTINGS = { replicationDelayMs: 50, policyPropagationDelayMs: 50, syncCycleIntervalMs: 100 };

export const INSTANCE_ID = "instance-under-test";

export interface LoggedLine {
  level: string;
  text: string;
}

export interface RecordedGraphRequest {
  method: string;
  path: string;
  tenantId: string | null;
  status: number;
}

export type Json = Record<string, unknown>;

/** The in-process Graph emulator, with the app's settings pointed at it and helpers for its admin API. */
export class EmulatorHarness {
  readonly url: string;
  readonly logs: LoggedLine[] = [];
  readonly #close: () => Promise<void>;

  private constructor(url: string, close: () => Promise<void>) {
    this.url = url;
    this.#close = close;
  }

  static async start(): Promise<EmulatorHarness> {
    const emulator = await startEmulator({ port: 0, settings: FAST_SETTINGS });
    const harness = new EmulatorHarness(emulator.url, () => emulator.close());
    Object.assign(process.env, {
      GRAPH_MODE: "emulator",
      GRAPH_BASE_URL: emulator.url,
      GRAPH_API_VERSION: "v1.0",
      GRAPH_CLIENT_ID: FIXTURE_CLIENT_ID,
      GRAPH_CLIENT_SECRET: FIXTURE_CLIENT_SECRET,
      GRAPH_REQUEST_TIMEOUT_MS: "5000",
      GRAPH_MAX_RETRIES: "2",
    });
    delete process.env.APPLICATIONINSIGHTS_CONNECTION_STRING;
    resetSettingsCache();
    clearGraphClients();
    return harness;
  }

  async close(): Promise<void> {
    resetSettingsCache();
    clearGraphClients();
    await this.#close();
  }

  /** Puts the emulator back to its fixture with the fast timings, and forgets logged lines. */
  async reset(): Promise<void> {
    await this.admin("POST", "/_emulator/reset");
    await this.admin("PUT", "/_emulator/settings", FAST_SETTINGS);
    // A reset forgets the tokens the emulator issued, so cached clients would send tokens it no longer accepts.
    clearGraphClients();
    this.logs.length = 0;
  }

  context(): InvocationContext {
    return new InvocationContext({
      invocationId: "invocation-under-test",
      functionName: "activity-under-test",
      triggerMetadata: { instanceId: INSTANCE_ID },
      logHandler: (level, ...args) => this.logs.push({ level, text: args.map(String).join(" ") }),
    });
  }

  async fault(fault: Json): Promise<void> {
    await this.admin("POST", "/_emulator/faults", fault);
  }

  async dump(tenantId: string): Promise<Json> {
    return (await this.admin("GET", `/_emulator/tenants/${tenantId}`)) as Json;
  }

  async requests(): Promise<RecordedGraphRequest[]> {
    return (await this.admin("GET", "/_emulator/requests")) as RecordedGraphRequest[];
  }

  async clearRequests(): Promise<void> {
    await this.admin("DELETE", "/_emulator/requests");
  }

  async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { "content-type": "application/json" };
    }
    const response = await fetch(`${this.url}${path}`, init);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`Emulator admin ${method} ${path} failed with ${response.status}: ${text}`);
    }
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

/** Items of a collection in a tenant dump, e.g. `partners` or `applications`. */
export function collection(dump: Json, name: string): Json[] {
  const value = dump[name];
  if (!Array.isArray(value)) {
    throw new Error(`The tenant dump has no '${name}' array; its keys are ${Object.keys(dump).join(", ")}.`);
  }
  return value as Json[];
}

export function expectedError(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected the activity to fail");
    },
    (error: unknown) => error as Error,
  );
}
