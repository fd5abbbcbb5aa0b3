import type { InvocationContext } from "@azure/functions";

import { trackEvent, type TelemetryProperties } from "./appInsights";
import { LogEvents, type LogEvent } from "./logEvents";

/** Values a log event may carry: ids, names, counts and flags, never secrets, tokens or request bodies. */
export type LogValue = string | number | boolean | null | undefined;
export type LogProperties = Record<string, LogValue>;

/** Structured logging for one activity run, tagged with the activity name and orchestration instance id. */
export interface ActivityLog {
  event(event: LogEvent, properties?: LogProperties): void;
  started(properties?: LogProperties): void;
  completed(properties?: LogProperties): void;
  failed(error: unknown): void;
}

/** Durable Functions passes the orchestration instance id in an activity's trigger metadata. */
export function instanceIdOf(context: InvocationContext): string | undefined {
  const instanceId = context.triggerMetadata?.["instanceId"];
  return typeof instanceId === "string" && instanceId !== "" ? instanceId : undefined;
}

function render(properties: LogProperties): TelemetryProperties {
  const rendered: TelemetryProperties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value !== undefined) {
      rendered[key] = String(value);
    }
  }
  return rendered;
}

export function createActivityLog(context: InvocationContext, activity: string): ActivityLog {
  const base: LogProperties = { activity, instanceId: instanceIdOf(context) };

  const event = (logEvent: LogEvent, properties: LogProperties = {}): void => {
    const all = render({ ...base, ...properties, eventId: logEvent.id });
    const fields = Object.entries(all)
      .filter(([key]) => key !== "eventId")
      .map(([key, value]) => `${key}=${value}`)
      .join(" ");
    const line = `${logEvent.name} (${logEvent.id}) ${fields}`;
    if (logEvent.level === "error") {
      context.error(line);
    } else if (logEvent.level === "warning") {
      context.warn(line);
    } else {
      context.info(line);
    }
    trackEvent(logEvent.name, all);
  };

  return {
    event,
    started: (properties) => event(LogEvents.activityStarted, properties),
    completed: (properties) => event(LogEvents.activityCompleted, properties),
    // The error message is safe to log: Graph errors are formatted without secrets or tokens.
    failed: (error) =>
      event(LogEvents.activityFailed, { error: error instanceof Error ? error.message : String(error) }),
  };
}
