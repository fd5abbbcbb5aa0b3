import { EventType, type HistoryEvent, eventTypeNames } from "./historyEvents";
import type { InstanceRow } from "./instanceStore";

export interface StatusOptions {
  showInput: boolean;
  showHistory: boolean;
  showHistoryOutput: boolean;
}

/** Drops milliseconds, as the extension formats times. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function parseJson(text: string | null | undefined): unknown {
  if (text === null || text === undefined) {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Builds the status body of the extension. `input` and `output` are always present, null when empty. */
export function toStatusBody(
  row: InstanceRow,
  history: HistoryEvent[] | undefined,
  options: StatusOptions,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: row.name,
    instanceId: row.instance_id,
    runtimeStatus: row.status,
    input: options.showInput ? parseJson(row.input) : null,
    customStatus: parseJson(row.custom_status),
    output: parseJson(row.output),
    createdTime: formatTime(row.created_at),
    lastUpdatedTime: formatTime(row.updated_at),
  };
  if (options.showHistory && history) {
    body.historyEvents = toHistoryOutput(history, options.showHistoryOutput);
  }
  return body;
}

/**
 * History in the extension's readable form: event type names, function names on completions, results only with
 * `showHistoryOutput`. Episode markers (OrchestratorStarted/Completed) and scheduling events are left out, as the
 * extension does.
 */
function toHistoryOutput(history: HistoryEvent[], showOutput: boolean): Record<string, unknown>[] {
  const scheduled = new Map<number, HistoryEvent>();
  const output: Record<string, unknown>[] = [];
  for (const event of history) {
    const type = event.EventType;
    if (type === EventType.TaskScheduled || type === EventType.SubOrchestrationInstanceCreated) {
      scheduled.set(event.EventId, event);
      continue;
    }
    if (type === EventType.OrchestratorStarted || type === EventType.OrchestratorCompleted) {
      continue;
    }
    const entry: Record<string, unknown> = {
      EventType: eventTypeNames[type] ?? String(type),
      Timestamp: event.Timestamp,
    };
    const taskId = event.TaskScheduledId;
    if (typeof taskId === "number") {
      const origin = scheduled.get(taskId);
      entry.FunctionName = origin?.Name;
      entry.ScheduledTime = origin?.Timestamp;
    }
    if (type === EventType.ExecutionStarted) entry.FunctionName = event.Name;
    if (type === EventType.EventRaised) entry.Name = event.Name;
    if (type === EventType.TimerCreated || type === EventType.TimerFired) entry.FireAt = event.FireAt;
    if (type === EventType.ExecutionCompleted) entry.OrchestrationStatus = event.OrchestrationStatus;
    if (type === EventType.TaskFailed || type === EventType.SubOrchestrationInstanceFailed) {
      entry.Reason = event.Reason;
      if (showOutput) entry.Details = event.Details;
    }
    if (showOutput && "Result" in event) entry.Result = parseJson(event.Result as string | null);
    if (showOutput && type === EventType.ExecutionStarted) entry.Input = parseJson(event.Input as string | null);
    output.push(entry);
  }
  return output;
}
