/** History event types as numbered by the Durable Task Framework (durable-functions 3.5.0 `HistoryEventType`). */
export const EventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventRaised: 15,
  ContinueAsNew: 16,
  ExecutionSuspended: 19,
  ExecutionResumed: 20,
} as const;

export const eventTypeNames: Record<number, string> = Object.fromEntries(
  Object.entries(EventType).map(([name, value]) => [value, name]),
);

/** A history event as the extension sends it to the worker. `EventId` is the task id, or -1 without an action. */
export interface HistoryEvent {
  EventType: number;
  EventId: number;
  IsPlayed: boolean;
  Timestamp: string;
  [field: string]: unknown;
}

export function createEvent(
  type: number,
  fields: Record<string, unknown> = {},
  eventId = -1,
  at = new Date(),
): HistoryEvent {
  return { EventType: type, EventId: eventId, IsPlayed: false, Timestamp: at.toISOString(), ...fields };
}

/** JSON text for a history event's `Input` or `Result`; undefined becomes null, as the extension stores it. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Returns the task id that a completion event completes, or the event name for EventRaised. */
export function completionKey(event: HistoryEvent): number | string | undefined {
  switch (event.EventType) {
    case EventType.TaskCompleted:
    case EventType.TaskFailed:
    case EventType.SubOrchestrationInstanceCompleted:
    case EventType.SubOrchestrationInstanceFailed:
      return event.TaskScheduledId as number;
    case EventType.TimerFired:
      return event.TimerId as number;
    case EventType.EventRaised:
      return event.Name as string;
    default:
      return undefined;
  }
}

export function isFailureEvent(event: HistoryEvent): boolean {
  return event.EventType === EventType.TaskFailed || event.EventType === EventType.SubOrchestrationInstanceFailed;
}
