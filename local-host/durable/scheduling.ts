import type { FunctionRegistry } from "../core/functionRegistry";
import { EventType, type HistoryEvent, createEvent, toJsonText } from "./historyEvents";
import { type InstanceRow, type InstanceStore, activeStatuses } from "./instanceStore";
import { createInstance } from "./instanceWriter";

// Each function runs inside the episode's transaction and returns the history event that records the scheduling.

export function scheduleActivity(
  store: InstanceStore,
  instance: InstanceRow,
  taskId: number,
  name: string,
  input: unknown,
): HistoryEvent {
  store.addActivity(instance.instance_id, instance.execution_id, taskId, name, input);
  return createEvent(EventType.TaskScheduled, { Name: name, Version: "", Input: toJsonText(input) }, taskId);
}

export function scheduleTimer(
  store: InstanceStore,
  instance: InstanceRow,
  timerId: number,
  fireAt: Date,
): HistoryEvent {
  const fired = createEvent(EventType.TimerFired, { TimerId: timerId, FireAt: fireAt.toISOString() }, -1, fireAt);
  store.addInboxEvent(instance.instance_id, instance.execution_id, fired, fireAt.getTime(), timerId);
  return createEvent(EventType.TimerCreated, { FireAt: fireAt.toISOString() }, timerId);
}

/**
 * Starts a sub-orchestration. Without an explicit id the child is `{parentExecutionId}:{taskId}`, as the
 * extension names it. A missing orchestrator or a running instance with the same id fails the call at once.
 */
export function scheduleSubOrchestration(
  store: InstanceStore,
  registry: FunctionRegistry,
  parent: InstanceRow,
  taskId: number,
  name: string,
  input: unknown,
  explicitId: string | undefined,
): HistoryEvent {
  const childId = explicitId || `${parent.execution_id}:${taskId}`;
  const existing = store.getInstance(childId);
  const fn = registry.get(name);
  let failure: string | undefined;
  if (!fn || fn.triggerType !== "orchestrationTrigger") {
    failure = `The orchestrator function '${name}' doesn't exist.`;
  } else if (existing && activeStatuses.includes(existing.status)) {
    failure = `An orchestration with the instance ID '${childId}' already exists and is ${existing.status}.`;
  }
  if (failure) {
    const failed = createEvent(EventType.SubOrchestrationInstanceFailed, {
      TaskScheduledId: taskId,
      Reason: failure,
      Details: "",
    });
    store.addInboxEvent(parent.instance_id, parent.execution_id, failed);
  } else {
    createInstance(store, childId, fn?.metadata.name ?? name, input, {
      parent: { instanceId: parent.instance_id, executionId: parent.execution_id, name: parent.name, taskId },
    });
  }
  return createEvent(
    EventType.SubOrchestrationInstanceCreated,
    { Name: name, InstanceId: childId, Input: toJsonText(input) },
    taskId,
  );
}
