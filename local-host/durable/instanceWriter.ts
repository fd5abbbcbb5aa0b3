import { randomUUID } from "node:crypto";
import { EventType, type HistoryEvent, createEvent, toJsonText } from "./historyEvents";
import { type InstanceRow, type InstanceStore, type RuntimeStatus, activeStatuses } from "./instanceStore";
import { initialRunnerState } from "./runnerState";

export interface ParentLink {
  instanceId: string;
  executionId: string;
  name: string;
  taskId: number;
}

export function newExecutionId(): string {
  return randomUUID().replace(/-/g, "");
}

export interface CreateOptions {
  parent?: ParentLink;
  /** Starts a new execution of the same instance: keeps its creation time and parent, queues `carriedEvents`. */
  continuedAsNew?: boolean;
  carriedEvents?: HistoryEvent[];
}

/**
 * Creates (or replaces) an instance in state Pending and queues its ExecutionStarted event. Call inside a
 * transaction. `input` is the orchestrator's input value.
 */
export function createInstance(
  store: InstanceStore,
  instanceId: string,
  name: string,
  input: unknown,
  options: CreateOptions = {},
): InstanceRow {
  const previous = options.continuedAsNew ? store.getInstance(instanceId) : undefined;
  const now = Date.now();
  const executionId = newExecutionId();
  const parent = options.parent;

  const row: InstanceRow = {
    instance_id: instanceId,
    name,
    execution_id: executionId,
    status: "Pending",
    input: input === undefined ? null : JSON.stringify(input),
    output: null,
    custom_status: null,
    failure_details: null,
    created_at: previous?.created_at ?? now,
    updated_at: now,
    parent_instance_id: previous ? previous.parent_instance_id : (parent?.instanceId ?? null),
    parent_execution_id: previous ? previous.parent_execution_id : (parent?.executionId ?? null),
    parent_task_id: previous ? previous.parent_task_id : (parent?.taskId ?? null),
    runner_state: JSON.stringify(initialRunnerState()),
  };
  store.clearPendingWork(instanceId);
  store.clearHistory(instanceId);
  store.upsertInstance(row);

  const started = createEvent(EventType.ExecutionStarted, {
    Name: name,
    Version: "",
    Input: input === undefined ? null : toJsonText(input),
    OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId },
    ParentInstance: parent
      ? {
          Name: parent.name,
          OrchestrationInstance: { InstanceId: parent.instanceId, ExecutionId: parent.executionId },
          TaskScheduleId: parent.taskId,
        }
      : null,
  });
  store.addInboxEvent(instanceId, executionId, started);
  for (const event of options.carriedEvents ?? []) {
    store.addInboxEvent(instanceId, executionId, event);
  }
  return row;
}

export interface InstanceEnd {
  status: Extract<RuntimeStatus, "Completed" | "Failed" | "Terminated">;
  /** The output value (for Failed and Terminated, the message). */
  output: unknown;
  failureDetails?: unknown;
  customStatus?: string | null;
}

/**
 * Ends the current execution: records the status and output, drops pending work and notifies a waiting parent
 * orchestration. Call inside a transaction.
 */
export function endInstance(store: InstanceStore, instance: InstanceRow, end: InstanceEnd): void {
  const outputText = toJsonText(end.output);
  store.clearPendingWork(instance.instance_id);
  const ended =
    end.status === "Completed"
      ? createEvent(EventType.ExecutionCompleted, { OrchestrationStatus: end.status, Result: outputText })
      : end.status === "Failed"
        ? createEvent(EventType.ExecutionCompleted, { OrchestrationStatus: end.status, Result: outputText })
        : createEvent(EventType.ExecutionTerminated, { Input: outputText });
  store.appendHistory(instance.instance_id, [ended]);
  store.updateStatus(instance.instance_id, end.status, {
    output: outputText,
    failure_details: end.failureDetails === undefined ? null : JSON.stringify(end.failureDetails),
    ...(end.customStatus !== undefined ? { custom_status: end.customStatus } : {}),
  });
  notifyParent(store, instance, end, outputText);
}

function notifyParent(store: InstanceStore, child: InstanceRow, end: InstanceEnd, outputText: string): void {
  if (child.parent_instance_id === null || child.parent_task_id === null) {
    return;
  }
  const parent = store.getInstance(child.parent_instance_id);
  if (!parent || parent.execution_id !== child.parent_execution_id || !activeStatuses.includes(parent.status)) {
    return;
  }
  const event =
    end.status === "Completed"
      ? createEvent(EventType.SubOrchestrationInstanceCompleted, {
          TaskScheduledId: child.parent_task_id,
          Result: outputText,
        })
      : createEvent(EventType.SubOrchestrationInstanceFailed, {
          TaskScheduledId: child.parent_task_id,
          Reason: `Sub-orchestration '${child.name}' (instance ${child.instance_id}) ${end.status.toLowerCase()}.`,
          Details: String(end.output ?? ""),
        });
  store.addInboxEvent(parent.instance_id, parent.execution_id, event);
}
