import { ActivityNames } from "../shared/activityNames";
import type { HealthSweepMetrics } from "../shared/healthContracts";
import { appInsightsSink, sendSweepCompleted, type TelemetrySink } from "../telemetry/healthTelemetry";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Creates the activity that sends a health-check run's metrics as one `TenantPairHealthSweepCompleted` event. */
export function createEmitHealthMetricsHandler(sink: TelemetrySink) {
  return defineActivity<HealthSweepMetrics, null>(
    ActivityNames.emitHealthMetrics,
    async (input) => {
      sendSweepCompleted(sink, input);
      return null;
    },
    (input) => ({ pairCount: input.pairCount, failedChecks: input.failedChecks, durationMs: input.durationMs }),
  );
}

export const emitHealthMetricsHandler = createEmitHealthMetricsHandler(appInsightsSink);

registerActivity(ActivityNames.emitHealthMetrics, emitHealthMetricsHandler);
