import type { InvocationContext } from "@azure/functions";
import * as df from "durable-functions";

import { getSettings } from "../../config/settings";
import type { ActivityName } from "../../shared/activityNames";
import { createActivityLog, type ActivityLog, type LogProperties } from "../../telemetry/activityLog";
import { startTelemetry } from "../../telemetry/appInsights";

export type ActivityHandler<I, O> = (input: I, context: InvocationContext) => Promise<O>;

const MAX_LOGGED_OUTPUT_LENGTH = 300;

/**
 * Wraps an activity body with start, completion and failure logs. Errors propagate unchanged, so that a Graph
 * failure reaches the orchestrator in the format of `formatGraphError`. `describe` picks the input fields worth
 * logging (ids only); outputs hold no secrets by contract, so their JSON is logged, cut to a short length.
 */
export function defineActivity<I, O>(
  name: ActivityName,
  body: (input: I, log: ActivityLog) => Promise<O>,
  describe: (input: I) => LogProperties,
): ActivityHandler<I, O> {
  return async (input: I, context: InvocationContext): Promise<O> => {
    const log = createActivityLog(context, name);
    log.started(describe(input));
    try {
      const output = await body(input, log);
      log.completed({ output: JSON.stringify(output ?? null).slice(0, MAX_LOGGED_OUTPUT_LENGTH) });
      return output;
    } catch (error) {
      log.failed(error);
      throw error;
    }
  };
}

/**
 * Registers an activity with the Functions host. Reading the settings here makes a bad configuration stop the app at
 * start. Under unit tests `@azure/functions` skips the registration itself.
 */
export function registerActivity<I, O>(name: ActivityName, handler: ActivityHandler<I, O>): void {
  startTelemetry(getSettings().telemetry.connectionString);
  df.app.activity(name, { handler: handler as (input: unknown, context: InvocationContext) => Promise<O> });
}
