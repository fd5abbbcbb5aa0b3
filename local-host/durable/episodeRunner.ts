import type { FunctionRegistry } from "../core/functionRegistry";
import { invokeFunction } from "../core/invokeFunction";
import { hostLog } from "../core/log";
import { type Action, ActionType, decodeActionInput, flattenActions } from "./actions";
import { carriedOverEvents } from "./continueAsNew";
import { EventType, type HistoryEvent, createEvent, toJsonText } from "./historyEvents";
import { type InstanceRow, type InstanceStore, activeStatuses } from "./instanceStore";
import { createInstance, endInstance } from "./instanceWriter";
import { type OrchestratorOutcome, fromOrchestratorError, fromOrchestratorResult } from "./orchestratorOutcome";
import { type RunnerState, applyRetryEvent, deliverableCount, planNewActions } from "./runnerState";
import { scheduleActivity, scheduleSubOrchestration, scheduleTimer } from "./scheduling";

export interface EpisodeContext {
  store: InstanceStore;
  registry: FunctionRegistry;
}

const unsupportedActions: Record<number, string> = {
  [ActionType.CallEntity]: "callEntity",
  [ActionType.SignalEntity]: "signalEntity",
  [ActionType.CallHttp]: "callHttp",
};

/**
 * Runs one orchestration episode for `instanceId`: replays the full history plus the events visible now, then
 * commits the new history, the new work and the status in one transaction. Does nothing when no event is due.
 */
export async function runEpisode(context: EpisodeContext, instanceId: string): Promise<boolean> {
  const { store, registry } = context;
  const now = Date.now();
  const instance = store.getInstance(instanceId);
  if (!instance || (instance.status !== "Pending" && instance.status !== "Running")) {
    return false;
  }
  const rows = store.visibleInbox(instanceId, now);
  const stale = rows.filter((row) => row.execution_id !== instance.execution_id);
  store.deleteInboxRows(stale.map((row) => row.id));
  const current = rows.filter((row) => row.execution_id === instance.execution_id);
  if (current.length === 0) {
    return false;
  }
  const runner = JSON.parse(instance.runner_state) as RunnerState;
  const pending = current.map((row) => JSON.parse(row.event) as HistoryEvent);
  const count = deliverableCount(pending, runner);
  const deliveredRows = current.slice(0, count);
  const delivered = pending.slice(0, count).map((event) => ({ ...event, IsPlayed: false }));
  const past = store.getHistory(instanceId).map((event) => ({ ...event, IsPlayed: true }));
  const started = createEvent(EventType.OrchestratorStarted, {}, -1, new Date(now));

  const outcome = await invokeOrchestrator(context, instance, [...past, started, ...delivered]);

  store.transaction(() => {
    const fresh = store.getInstance(instanceId);
    if (!fresh || fresh.execution_id !== instance.execution_id || !activeStatuses.includes(fresh.status)) {
      return; // Terminated or purged while the episode ran: its results are dropped.
    }
    store.deleteInboxRows(deliveredRows.map((row) => row.id));
    const newHistory: HistoryEvent[] = [started, ...delivered];
    for (const event of delivered) {
      const followUp = applyRetryEvent(runner, event, now);
      if (followUp?.kind === "timer") {
        newHistory.push(scheduleTimer(store, fresh, followUp.timerId, followUp.fireAt));
      } else if (followUp?.kind === "timedOut") {
        const { name, options } = followUp.group;
        hostLog(
          "Warning",
          `Retries of '${name}' in instance '${instanceId}' stopped: retryTimeoutInMilliseconds ` +
            `(${options.retryTimeoutInMilliseconds}) has passed. As on Azure, no retry timer is created and ` +
            "durable-functions 3.5.0 keeps waiting for one, so the orchestration stays Running.",
        );
      } else if (followUp?.kind === "attempt") {
        const { group, taskId } = followUp;
        newHistory.push(
          group.kind === "activity"
            ? scheduleActivity(store, fresh, taskId, group.name, group.input)
            : scheduleSubOrchestration(store, registry, fresh, taskId, group.name, group.input, group.instanceId),
        );
      }
    }
    commitOutcome(context, fresh, outcome, runner, newHistory, now);
  });
  return true;
}

async function invokeOrchestrator(
  context: EpisodeContext,
  instance: InstanceRow,
  history: HistoryEvent[],
): Promise<OrchestratorOutcome> {
  const fn = context.registry.get(instance.name);
  if (!fn || fn.triggerType !== "orchestrationTrigger") {
    return {
      kind: "failed",
      message: `The orchestrator function '${instance.name}' doesn't exist.`,
      failureDetails: undefined,
    };
  }
  const payload = {
    history,
    input: instance.input === null ? undefined : (JSON.parse(instance.input) as unknown),
    instanceId: instance.instance_id,
    isReplaying: history.some((event) => event.IsPlayed),
    parentInstanceId: instance.parent_instance_id,
    upperSchemaVersion: 1,
    longRunningTimerIntervalDuration: "3.00:00:00",
    maximumShortTimerDuration: "6.00:00:00",
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
  try {
    const invocation = await invokeFunction(context.registry, fn, {
      reason: "OrchestrationTrigger",
      inputData: [{ name: fn.triggerBindingName, data: { string: JSON.stringify(payload) } }],
    });
    return fromOrchestratorResult(invocation.result);
  } catch (error) {
    return fromOrchestratorError(error);
  }
}

function commitOutcome(
  context: EpisodeContext,
  instance: InstanceRow,
  outcome: OrchestratorOutcome,
  runner: RunnerState,
  newHistory: HistoryEvent[],
  now: number,
): void {
  const { store } = context;
  if (outcome.kind === "failed") {
    store.appendHistory(instance.instance_id, [...newHistory, createEvent(EventType.OrchestratorCompleted)]);
    const output = `Orchestrator function '${instance.name}' failed: ${outcome.message}`;
    // Azure keeps the last custom status of a failed orchestration; the thrown state carries it.
    const customStatus = outcome.customStatus === undefined ? undefined : toJsonText(outcome.customStatus);
    endInstance(store, instance, { status: "Failed", output, failureDetails: outcome.failureDetails, customStatus });
    return;
  }
  const { state } = outcome;
  const leaves = flattenActions(state.actions);
  const planned = planNewActions(runner, leaves, now);
  let unsupported: string | undefined;
  for (const { action, taskId } of planned) {
    unsupported ??= unsupportedActions[action.actionType];
    const event = taskId === null ? undefined : scheduleAction(context, instance, action, taskId);
    if (event) newHistory.push(event);
  }
  dropCancelledTimers(store, instance, leaves, runner);
  newHistory.push(createEvent(EventType.OrchestratorCompleted));
  store.appendHistory(instance.instance_id, newHistory);
  const customStatus = state.customStatus === undefined ? null : toJsonText(state.customStatus);

  if (unsupported) {
    const output = `Orchestrator function '${instance.name}' failed: ${unsupported} is not supported by the local host.`;
    endInstance(store, instance, { status: "Failed", output, customStatus });
    return;
  }
  const continueAsNew = state.isDone ? leaves.find((leaf) => leaf.actionType === ActionType.ContinueAsNew) : undefined;
  if (continueAsNew) {
    // Events raised while this episode ran are still in the inbox; they carry over too.
    const undelivered = store
      .visibleInbox(instance.instance_id, Number.MAX_SAFE_INTEGER)
      .filter((row) => row.execution_id === instance.execution_id)
      .map((row) => JSON.parse(row.event) as HistoryEvent)
      .filter((event) => event.EventType === EventType.EventRaised);
    const carried = [...carriedOverEvents(store.getHistory(instance.instance_id), leaves), ...undelivered];
    store.updateStatus(instance.instance_id, "ContinuedAsNew", { custom_status: customStatus });
    createInstance(store, instance.instance_id, instance.name, decodeActionInput(continueAsNew), {
      continuedAsNew: true,
      carriedEvents: carried,
    });
    return;
  }
  if (state.isDone) {
    endInstance(store, instance, { status: "Completed", output: state.output ?? null, customStatus });
    return;
  }
  store.updateStatus(instance.instance_id, instance.status === "Suspended" ? "Suspended" : "Running", {
    custom_status: customStatus,
    runner_state: JSON.stringify(runner),
  });
}

function scheduleAction(
  context: EpisodeContext,
  instance: InstanceRow,
  action: Action,
  taskId: number,
): HistoryEvent | undefined {
  const { store, registry } = context;
  const name = action.functionName ?? "";
  switch (action.actionType) {
    case ActionType.CallActivity:
    case ActionType.CallActivityWithRetry:
      return scheduleActivity(store, instance, taskId, name, decodeActionInput(action));
    case ActionType.CallSubOrchestrator:
    case ActionType.CallSubOrchestratorWithRetry:
      return scheduleSubOrchestration(store, registry, instance, taskId, name, action.input, action.instanceId);
    case ActionType.CreateTimer:
      return action.isCanceled ? undefined : scheduleTimer(store, instance, taskId, new Date(action.fireAt ?? 0));
    default:
      return undefined;
  }
}

/** A timer the orchestrator cancelled (for example the loser of `Task.any`) must not wake it later. */
function dropCancelledTimers(store: InstanceStore, instance: InstanceRow, leaves: Action[], runner: RunnerState): void {
  leaves.forEach((leaf, index) => {
    const timerId = runner.leafIds[index];
    if (leaf.actionType === ActionType.CreateTimer && leaf.isCanceled && typeof timerId === "number") {
      store.deleteTimer(instance.instance_id, timerId);
    }
  });
}
