import type * as df from "durable-functions";

import type { OperationsClient } from "../../../src/http/durableInstances";

/** Statuses as the fake stores them; `input` is what `startNew` received. */
export interface FakeInstance {
  instanceId: string;
  name: string;
  runtimeStatus: string;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  createdTime: Date;
  lastUpdatedTime: Date;
}

/**
 * An in-memory stand-in for the Durable client's `getStatus` and `startNew`, failing the way durable-functions 3.5.0
 * does: an unknown id throws an error mentioning HTTP 404.
 */
export class FakeDurableClient implements OperationsClient {
  readonly instances = new Map<string, FakeInstance>();
  readonly started: { name: string; options: df.StartNewOptions | undefined }[] = [];
  /** Runs before `startNew` records an instance, e.g. to simulate a concurrent start. */
  beforeStart?: (instanceId: string) => void;
  getStatusError?: Error;

  async getStatus(instanceId: string): Promise<df.DurableOrchestrationStatus> {
    if (this.getStatusError !== undefined) {
      throw this.getStatusError;
    }
    const instance = this.instances.get(instanceId);
    if (instance === undefined) {
      throw new Error(
        "DurableClient error: Durable Functions extension replied with HTTP 404 response. " +
          `This usually means we could not find any data associated with the instanceId provided: ${instanceId}.`,
      );
    }
    return structuredClone(instance) as unknown as df.DurableOrchestrationStatus;
  }

  async startNew(name: string, options?: df.StartNewOptions): Promise<string> {
    const instanceId = options?.instanceId ?? "generated";
    this.beforeStart?.(instanceId);
    const existing = this.instances.get(instanceId);
    if (existing !== undefined && ["Pending", "Running", "Suspended"].includes(existing.runtimeStatus)) {
      throw new Error("The operation failed with an unexpected status code: 500");
    }
    this.started.push({ name, options });
    this.instances.set(instanceId, {
      instanceId,
      name,
      runtimeStatus: "Pending",
      input: options?.input ?? null,
      output: null,
      customStatus: null,
      createdTime: new Date("2026-01-01T00:00:00Z"),
      lastUpdatedTime: new Date("2026-01-01T00:00:00Z"),
    });
    return instanceId;
  }
}
