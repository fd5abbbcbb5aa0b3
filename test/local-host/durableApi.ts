import { waitFor } from "./spawnHost";

export interface InstanceStatus {
  name: string;
  instanceId: string;
  runtimeStatus: string;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  createdTime: string;
  lastUpdatedTime: string;
  historyEvents?: Record<string, unknown>[];
}

/** A small client for the Durable HTTP API of a spawned host, for tests. */
export class DurableApi {
  readonly root: string;

  constructor(baseUrl: string) {
    this.root = `${baseUrl}/runtime/webhooks/durabletask`;
  }

  async start(name: string, instanceId: string, input?: unknown): Promise<Response> {
    return fetch(`${this.root}/orchestrators/${name}/${encodeURIComponent(instanceId)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: input === undefined ? "" : JSON.stringify(input),
    });
  }

  async status(instanceId: string, query = ""): Promise<Response> {
    return fetch(`${this.root}/instances/${encodeURIComponent(instanceId)}${query}`);
  }

  async statusBody(instanceId: string, query = ""): Promise<InstanceStatus> {
    return (await (await this.status(instanceId, query)).json()) as InstanceStatus;
  }

  async post(instanceId: string, operation: string, body?: unknown): Promise<Response> {
    return fetch(`${this.root}/instances/${encodeURIComponent(instanceId)}/${operation}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async raise(instanceId: string, eventName: string, data: unknown): Promise<Response> {
    return this.post(instanceId, `raiseEvent/${eventName}`, data);
  }

  /** Waits until the instance reaches one of `statuses` and returns its status with history. */
  async waitForStatus(instanceId: string, statuses: string[], timeoutMs = 10000): Promise<InstanceStatus> {
    return waitFor(async () => {
      const response = await this.status(instanceId, "?showHistory=true&showHistoryOutput=true");
      if (response.status === 404) return undefined;
      const body = (await response.json()) as InstanceStatus;
      return statuses.includes(body.runtimeStatus) ? body : undefined;
    }, timeoutMs);
  }

  async runAndWait(name: string, instanceId: string, input?: unknown): Promise<InstanceStatus> {
    const started = await this.start(name, instanceId, input);
    if (started.status !== 202) {
      throw new Error(`Starting ${name} returned ${started.status}: ${await started.text()}`);
    }
    return this.waitForStatus(instanceId, ["Completed", "Failed", "Terminated"]);
  }
}
