import { FIXTURE_CLIENT_ID, FIXTURE_CLIENT_SECRET } from "../../emulator/fixture";
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import type { EmulatorSettings } from "../../emulator/settings";

/** Short delays so that tests exercise replication, propagation and sync cycles in milliseconds. */
export const FAST_SETTINGS: Partial<EmulatorSettings> = {
  replicationDelayMs: 40,
  policyPropagationDelayMs: 40,
  syncCycleIntervalMs: 40,
  latencyMs: 0,
};

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A test client for one running emulator: token requests, Graph calls per tenant and admin calls. */
export class EmulatorClient {
  readonly #tokens = new Map<string, string>();

  private constructor(readonly emulator: RunningEmulator) {}

  /** Starts an emulator on a free port; with `stateFile`, it keeps its directory in that file. */
  static async start(settings: Partial<EmulatorSettings> = FAST_SETTINGS, stateFile?: string): Promise<EmulatorClient> {
    return new EmulatorClient(await startEmulator({ port: 0, settings, stateFile }));
  }

  get url(): string {
    return this.emulator.url;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }

  async requestToken(tenant: string, form: Record<string, string> = {}): Promise<HttpResult> {
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: FIXTURE_CLIENT_ID,
      client_secret: FIXTURE_CLIENT_SECRET,
      scope: "https://graph.microsoft.com/.default",
      ...form,
    });
    return this.#send("POST", `/${tenant}/oauth2/v2.0/token`, body.toString(), {
      "content-type": "application/x-www-form-urlencoded",
    });
  }

  /** Returns a cached token of the fixture app for a tenant. */
  async token(tenant: string): Promise<string> {
    const cached = this.#tokens.get(tenant);
    if (cached !== undefined) {
      return cached;
    }
    const result = await this.requestToken(tenant);
    if (result.status !== 200) {
      throw new Error(`Token request for ${tenant} failed with ${result.status}: ${JSON.stringify(result.body)}`);
    }
    this.#tokens.set(tenant, result.body.access_token as string);
    return result.body.access_token as string;
  }

  forgetTokens(): void {
    this.#tokens.clear();
  }

  /** Calls Graph in a tenant; `path` starts after the version, e.g. `/users`. */
  async graph(tenant: string, method: string, path: string, body?: unknown, version = "v1.0"): Promise<HttpResult> {
    const headers = { authorization: `Bearer ${await this.token(tenant)}`, "content-type": "application/json" };
    return this.#send(method, `/${version}${path}`, body === undefined ? undefined : JSON.stringify(body), headers);
  }

  async admin(method: string, path: string, body?: unknown): Promise<HttpResult> {
    return this.#send(method, `/_emulator${path}`, body === undefined ? undefined : JSON.stringify(body), {
      "content-type": "application/json",
    });
  }

  async raw(
    method: string,
    pathOrUrl: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<HttpResult> {
    return this.#send(method, pathOrUrl, body, headers);
  }

  async #send(
    method: string,
    pathOrUrl: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<HttpResult> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.url}${pathOrUrl}`;
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
  }
}

/** Polls a condition until it returns a value other than undefined, or fails after the timeout. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  description: string,
  timeoutMs = 3000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
