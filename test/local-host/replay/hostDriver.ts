import { type Action, ActionType, type OrchestratorState, flattenActions } from "../../../local-host/durable/actions";
import { EventType, type HistoryEvent, createEvent } from "../../../local-host/durable/historyEvents";
import {
  applyRetryEvent,
  deliverableCount,
  initialRunnerState,
  planNewActions,
} from "../../../local-host/durable/runnerState";
import { replay } from "./replayHarness";

/** How a scheduled task ends: a result, or a failure with this reason. */
export type TaskOutcome = { result: unknown } | { failure: string };

/** Decides the outcome of an activity or sub-orchestration call; `attempt` counts calls of that name from 1. */
export type Responder = (action: Action, attempt: number) => TaskOutcome;

const clock = new Date("2024-05-01T10:00:00.000Z");

function scheduledEvent(action: Action, taskId: number): HistoryEvent | undefined {
  switch (action.actionType) {
    case ActionType.CallActivity:
    case ActionType.CallActivityWithRetry:
      return createEvent(
        EventType.TaskScheduled,
        { Name: action.functionName, Version: "", Input: "null" },
        taskId,
        clock,
      );
    case ActionType.CallSubOrchestrator:
    case ActionType.CallSubOrchestratorWithRetry:
      return createEvent(
        EventType.SubOrchestrationInstanceCreated,
        { Name: action.functionName, InstanceId: `execution-1:${taskId}`, Input: "null" },
        taskId,
        clock,
      );
    case ActionType.CreateTimer:
      return createEvent(EventType.TimerCreated, { FireAt: action.fireAt }, taskId, clock);
    default:
      return undefined;
  }
}

function outcomeEvent(action: Action, taskId: number, outcome: TaskOutcome): HistoryEvent {
  const isSub =
    action.actionType === ActionType.CallSubOrchestrator ||
    action.actionType === ActionType.CallSubOrchestratorWithRetry;
  if ("result" in outcome) {
    const type = isSub ? EventType.SubOrchestrationInstanceCompleted : EventType.TaskCompleted;
    return createEvent(type, { TaskScheduledId: taskId, Result: JSON.stringify(outcome.result ?? null) }, -1, clock);
  }
  const type = isSub ? EventType.SubOrchestrationInstanceFailed : EventType.TaskFailed;
  return createEvent(type, { TaskScheduledId: taskId, Reason: outcome.failure, Details: "" }, -1, clock);
}

/**
 * Runs orchestrator `name` against the real library with the host's own numbering (`runnerState`): every task id
 * in the history comes from the host, so a numbering that differs from the library's leaves a task unresolved or
 * resolves the wrong one. Activities and sub-orchestrations end as `respond` decides, in scheduling order; timers fire
 * at once. Returns the final state, or the last one when nothing is left to deliver. `planOffsetMs` shifts the time
 * at which new actions count as scheduled, so a retry timeout can pass while the driver's clock stands still.
 */
export async function runWithHostNumbering(
  name: string,
  respond: Responder,
  maxEpisodes = 50,
  planOffsetMs = 0,
): Promise<OrchestratorState> {
  const runner = initialRunnerState();
  const history: HistoryEvent[] = [];
  let inbox: HistoryEvent[] = [
    createEvent(EventType.ExecutionStarted, { Name: name, Version: "", Input: null }, -1, clock),
  ];
  const attempts = new Map<string, number>();
  const complete = (action: Action, taskId: number): HistoryEvent => {
    const attempt = (attempts.get(action.functionName ?? "") ?? 0) + 1;
    attempts.set(action.functionName ?? "", attempt);
    return outcomeEvent(action, taskId, respond(action, attempt));
  };
  const fire = (timerId: number): HistoryEvent =>
    createEvent(EventType.TimerFired, { TimerId: timerId, FireAt: clock.toISOString() }, -1, clock);

  for (let episode = 0; episode < maxEpisodes; episode++) {
    const count = deliverableCount(inbox, runner);
    const delivered = inbox.slice(0, count);
    inbox = inbox.slice(count);
    const started = createEvent(EventType.OrchestratorStarted, {}, -1, clock);
    const played = history.map((event) => ({ ...event, IsPlayed: true }));
    const result = await replay(name, [...played, started, ...delivered]);
    history.push(started, ...delivered);
    if (result.kind === "thrown") return result.state;

    for (const event of delivered) {
      const followUp = applyRetryEvent(runner, event, clock.getTime());
      if (followUp?.kind === "timer") {
        history.push(createEvent(EventType.TimerCreated, { FireAt: clock.toISOString() }, followUp.timerId, clock));
        inbox.push(fire(followUp.timerId));
      } else if (followUp?.kind === "attempt") {
        const { group, taskId } = followUp;
        const action: Action = {
          actionType: group.kind === "activity" ? ActionType.CallActivity : ActionType.CallSubOrchestrator,
          functionName: group.name,
        };
        history.push(scheduledEvent(action, taskId) as HistoryEvent);
        inbox.push(complete(action, taskId));
      }
    }
    for (const { action, taskId } of planNewActions(
      runner,
      flattenActions(result.state.actions),
      clock.getTime() + planOffsetMs,
    )) {
      const scheduled = taskId === null ? undefined : scheduledEvent(action, taskId);
      if (!scheduled || taskId === null) continue;
      history.push(scheduled);
      inbox.push(action.actionType === ActionType.CreateTimer ? fire(taskId) : complete(action, taskId));
    }
    history.push(createEvent(EventType.OrchestratorCompleted, {}, -1, clock));
    if (result.state.isDone || inbox.length === 0) return result.state;
  }
  throw new Error(`Orchestrator '${name}' did not finish within ${maxEpisodes} episodes.`);
}
