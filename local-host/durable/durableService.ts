import { randomUUID } from "node:crypto";
import type { FunctionRegistry } from "../core/functionRegistry";
import { EventType, createEvent } from "./historyEvents";
import {
  type InstanceFilter,
  type InstanceRow,
  type InstanceStore,
  activeStatuses,
  endedStatuses,
} from "./instanceStore";
import { createInstance, endInstance } from "./instanceWriter";

/** A management request that failed; `status` is the HTTP status the extension returns for it. */
export class DurableRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "DurableRequestError";
  }
}

const invalidIdCharacters = /[/\\#?\u0000-\u001f\u007f]/;

/** Instance operations behind the management API. Each mutation is one transaction, then `onChange` runs. */
export class DurableService {
  constructor(
    readonly store: InstanceStore,
    private readonly registry: FunctionRegistry,
    private readonly onChange: () => void,
  ) {}

  /**
   * Starts `name`. The id of a Pending, Running or Suspended instance is rejected with status 500, as the extension
   * does, and an ended instance with that id is replaced by a new execution.
   */
  start(name: string, instanceId: string | undefined, input: unknown): InstanceRow {
    const fn = this.registry.get(name);
    if (!fn || fn.triggerType !== "orchestrationTrigger") {
      throw new DurableRequestError(400, `The function '${name}' doesn't exist or is not an orchestrator function.`);
    }
    const id = instanceId ?? randomUUID().replace(/-/g, "");
    if (id.length === 0 || id.length > 256 || invalidIdCharacters.test(id)) {
      throw new DurableRequestError(
        400,
        `Invalid instance ID '${id}': it must be 1 to 256 characters without /, \\, # or ?.`,
      );
    }
    const row = this.store.transaction(() => {
      const existing = this.store.getInstance(id);
      if (existing && activeStatuses.includes(existing.status)) {
        throw new DurableRequestError(500, `An instance with ID '${id}' already exists and is ${existing.status}.`);
      }
      return createInstance(this.store, id, fn.metadata.name, input);
    });
    this.onChange();
    return row;
  }

  get(instanceId: string): InstanceRow | undefined {
    return this.store.getInstance(instanceId);
  }

  #requireActive(instanceId: string): InstanceRow {
    const instance = this.store.getInstance(instanceId);
    if (!instance) {
      throw new DurableRequestError(404, `No instance with ID '${instanceId}' was found.`);
    }
    if (!activeStatuses.includes(instance.status)) {
      throw new DurableRequestError(410, `The instance '${instanceId}' has already ended (${instance.status}).`);
    }
    return instance;
  }

  /** Queues an external event. Events raised before the orchestrator waits for them are kept by the library. */
  raiseEvent(instanceId: string, eventName: string, inputText: string | null): void {
    this.store.transaction(() => {
      const instance = this.#requireActive(instanceId);
      const event = createEvent(EventType.EventRaised, { Name: eventName, Input: inputText });
      this.store.addInboxEvent(instanceId, instance.execution_id, event);
    });
    this.onChange();
  }

  terminate(instanceId: string, reason: string): void {
    this.store.transaction(() => {
      const instance = this.#requireActive(instanceId);
      endInstance(this.store, instance, { status: "Terminated", output: reason });
    });
    this.onChange();
  }

  suspend(instanceId: string, reason: string): void {
    this.store.transaction(() => {
      const instance = this.#requireActive(instanceId);
      this.store.appendHistory(instanceId, [createEvent(EventType.ExecutionSuspended, { Reason: reason })]);
      this.store.updateStatus(instanceId, "Suspended", { runner_state: instance.runner_state });
    });
  }

  resume(instanceId: string, reason: string): void {
    this.store.transaction(() => {
      const instance = this.#requireActive(instanceId);
      if (instance.status === "Suspended") {
        this.store.appendHistory(instanceId, [createEvent(EventType.ExecutionResumed, { Reason: reason })]);
        this.store.updateStatus(instanceId, "Running");
      }
    });
    this.onChange();
  }

  /** Starts the instance again with its original input, under a new id unless `newInstanceId` is false. */
  restart(instanceId: string, newInstanceId: boolean): InstanceRow {
    const instance = this.store.getInstance(instanceId);
    if (!instance) {
      throw new DurableRequestError(404, `No instance with ID '${instanceId}' was found.`);
    }
    const input = instance.input === null ? undefined : (JSON.parse(instance.input) as unknown);
    return this.start(instance.name, newInstanceId ? undefined : instanceId, input);
  }

  purge(instanceId: string): number {
    return this.store.transaction(() => (this.store.deleteInstance(instanceId) ? 1 : 0));
  }

  /** Deletes ended instances that match `filter`; running ones are never purged in bulk. */
  purgeMany(filter: InstanceFilter): number {
    return this.store.transaction(() => {
      const rows = this.store.listInstances(filter).filter((row) => endedStatuses.includes(row.status));
      rows.forEach((row) => this.store.deleteInstance(row.instance_id));
      return rows.length;
    });
  }
}
