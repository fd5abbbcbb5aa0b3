import { EventType, type HistoryEvent } from "../../../local-host/durable/historyEvents";

/** The time of the first episode; each later episode starts one second after the previous one. */
export const startTime = new Date("2024-05-01T10:00:00.000Z");

/**
 * Builds an orchestration history by hand, as the Durable extension sends it. Events of earlier episodes are marked
 * played when `build()` runs; `EventId` is the task id for scheduling events and -1 otherwise.
 */
export class HistoryBuilder {
  readonly #events: HistoryEvent[] = [];
  #episode = 0;

  #add(type: number, fields: Record<string, unknown>, eventId = -1): this {
    const at = new Date(startTime.getTime() + Math.max(this.#episode - 1, 0) * 1000);
    this.#events.push({ EventType: type, EventId: eventId, IsPlayed: false, Timestamp: at.toISOString(), ...fields });
    return this;
  }

  /** Starts an episode (OrchestratorStarted), ending the previous one with OrchestratorCompleted. */
  episode(): this {
    if (this.#episode > 0) this.#add(EventType.OrchestratorCompleted, {});
    this.#episode += 1;
    return this.#add(EventType.OrchestratorStarted, {});
  }

  started(name: string, input?: unknown): this {
    return this.#add(EventType.ExecutionStarted, {
      Name: name,
      Version: "",
      Input: input === undefined ? null : JSON.stringify(input),
      OrchestrationInstance: { InstanceId: "replay-instance", ExecutionId: "execution-1" },
      ParentInstance: null,
    });
  }

  scheduled(taskId: number, name: string, input: unknown = null): this {
    return this.#add(EventType.TaskScheduled, { Name: name, Version: "", Input: JSON.stringify(input) }, taskId);
  }

  completed(taskId: number, result: unknown): this {
    return this.#add(EventType.TaskCompleted, { TaskScheduledId: taskId, Result: JSON.stringify(result ?? null) });
  }

  failed(taskId: number, reason: string, details = "stack"): this {
    return this.#add(EventType.TaskFailed, { TaskScheduledId: taskId, Reason: reason, Details: details });
  }

  failedWithDetails(taskId: number, failureDetails: Record<string, unknown>): this {
    return this.#add(EventType.TaskFailed, { TaskScheduledId: taskId, FailureDetails: failureDetails });
  }

  timerCreated(timerId: number, fireAt: Date): this {
    return this.#add(EventType.TimerCreated, { FireAt: fireAt.toISOString() }, timerId);
  }

  timerFired(timerId: number, fireAt: Date = startTime): this {
    return this.#add(EventType.TimerFired, { TimerId: timerId, FireAt: fireAt.toISOString() });
  }

  subCreated(taskId: number, name: string, instanceId: string, input: unknown = null): this {
    return this.#add(
      EventType.SubOrchestrationInstanceCreated,
      { Name: name, InstanceId: instanceId, Input: JSON.stringify(input) },
      taskId,
    );
  }

  subCompleted(taskId: number, result: unknown): this {
    return this.#add(EventType.SubOrchestrationInstanceCompleted, {
      TaskScheduledId: taskId,
      Result: JSON.stringify(result ?? null),
    });
  }

  subFailed(taskId: number, reason: string, details = ""): this {
    return this.#add(EventType.SubOrchestrationInstanceFailed, {
      TaskScheduledId: taskId,
      Reason: reason,
      Details: details,
    });
  }

  raised(name: string, input: unknown): this {
    return this.#add(EventType.EventRaised, { Name: name, Input: JSON.stringify(input) });
  }

  /** Returns the history with every event before the last OrchestratorStarted marked as played. */
  build(): HistoryEvent[] {
    const lastStart = this.#events.map((event) => event.EventType).lastIndexOf(EventType.OrchestratorStarted);
    return this.#events.map((event, index) => ({ ...event, IsPlayed: index < lastStart }));
  }
}

/** Starts a history with the first episode and ExecutionStarted. */
export function history(name: string, input?: unknown): HistoryBuilder {
  return new HistoryBuilder().episode().started(name, input);
}
