import type { TypedData } from "../core/coreTypes";
import type { FunctionRegistry, RegisteredFunction } from "../core/functionRegistry";
import { invokeFunction } from "../core/invokeFunction";
import { hostLog, toError } from "../core/log";
import { EventType, type HistoryEvent, createEvent, toJsonText } from "./historyEvents";
import { type ActivityRow, type InstanceStore, activeStatuses } from "./instanceStore";

export type ExtraInputs = (fn: RegisteredFunction) => { name: string; data: TypedData }[];

/**
 * Runs scheduled activities from the store, at most `maxConcurrent` at a time. A row leaves the store only in the
 * transaction that queues its result, so after a crash every unfinished activity runs again (at least once, as on
 * Azure).
 */
export class ActivityDispatcher {
  readonly #running = new Set<number>();
  #closed = false;

  constructor(
    private readonly store: InstanceStore,
    private readonly registry: FunctionRegistry,
    private readonly maxConcurrent: number,
    private readonly extraInputs: ExtraInputs,
    private readonly onCompleted: () => void,
  ) {}

  pump(): void {
    if (this.#closed || this.#running.size >= this.maxConcurrent) {
      return;
    }
    for (const row of this.store.pendingActivities()) {
      if (this.#running.size >= this.maxConcurrent) {
        break;
      }
      if (!this.#running.has(row.id)) {
        this.#running.add(row.id);
        void this.#run(row);
      }
    }
  }

  get runningCount(): number {
    return this.#running.size;
  }

  /** Stops starting activities; results of running ones are discarded so they run again after a restart. */
  close(): void {
    this.#closed = true;
  }

  async #run(row: ActivityRow): Promise<void> {
    const event = await this.#execute(row);
    this.#running.delete(row.id);
    if (this.#closed) {
      return;
    }
    try {
      this.store.transaction(() => {
        this.store.deleteActivity(row.id);
        const instance = this.store.getInstance(row.instance_id);
        if (instance && instance.execution_id === row.execution_id && activeStatuses.includes(instance.status)) {
          this.store.addInboxEvent(row.instance_id, row.execution_id, event);
        }
      });
    } catch (error) {
      hostLog(
        "Error",
        `Failed to store the result of activity '${row.name}' (${row.instance_id}): ${toError(error).message}`,
      );
    }
    this.onCompleted();
    this.pump();
  }

  async #execute(row: ActivityRow): Promise<HistoryEvent> {
    const fn = this.registry.get(row.name);
    if (!fn || fn.triggerType !== "activityTrigger") {
      return createEvent(EventType.TaskFailed, {
        TaskScheduledId: row.task_id,
        Reason: `The activity function '${row.name}' doesn't exist.`,
        Details: "",
      });
    }
    try {
      const invocation = await invokeFunction(this.registry, fn, {
        reason: `ActivityTrigger (instance ${row.instance_id})`,
        inputData: [{ name: fn.triggerBindingName, data: { json: row.input } }, ...this.extraInputs(fn)],
      });
      return createEvent(EventType.TaskCompleted, {
        TaskScheduledId: row.task_id,
        Result: toJsonText(invocation.result),
      });
    } catch (caught) {
      const error = toError(caught);
      return createEvent(EventType.TaskFailed, {
        TaskScheduledId: row.task_id,
        Reason: `Activity function '${fn.metadata.name}' failed: ${error.message}`,
        Details: error.stack ?? error.message,
      });
    }
  }
}
