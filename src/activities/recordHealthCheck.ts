import { TenantPairNotFoundError } from "../registry/registryErrors";
import {
  HEALTH_HISTORY_LIMIT,
  type HealthCheckResult,
  type TenantPairRecord,
  type TenantPairState,
} from "../registry/tenantPairRecord";
import { getTenantPairRegistry, type TenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import type { RecordHealthCheckInput, RecordHealthCheckOutput } from "../shared/healthContracts";
import { appInsightsSink, sendPairChecked, type TelemetrySink } from "../telemetry/healthTelemetry";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { UNCHECKED_STATES } from "../shared/healthTargets";

const STATE_BY_VERDICT: Record<HealthCheckResult["verdict"], TenantPairState> = {
  healthy: "active",
  degraded: "degraded",
  unhealthy: "unhealthy",
};

/**
 * Adds a result to the front of the record's health history, keeping at most `HEALTH_HISTORY_LIMIT`, and sets the
 * state from the verdict unless an onboarding or offboarding owns the pair. A result already recorded (same
 * instance and check time, e.g. when the activity runs twice) replaces its earlier copy instead of adding one.
 */
export function applyHealthResult(record: TenantPairRecord, result: HealthCheckResult): TenantPairRecord {
  const others = record.healthHistory.filter(
    (entry) => entry.instanceId !== result.instanceId || entry.checkedAt !== result.checkedAt,
  );
  return {
    ...record,
    state: UNCHECKED_STATES.has(record.state) ? record.state : STATE_BY_VERDICT[result.verdict],
    healthHistory: [result, ...others].slice(0, HEALTH_HISTORY_LIMIT),
  };
}

export interface RecordHealthCheckDependencies {
  getRegistry: () => TenantPairRegistry;
  sink: TelemetrySink;
}

/**
 * Creates the activity that stores a health result in the registry and sends one `TenantPairHealthChecked` event.
 * A pair removed from the registry meanwhile is not re-created: the event is still sent and `recorded` is false.
 */
export function createRecordHealthCheckHandler(dependencies: RecordHealthCheckDependencies) {
  return defineActivity<RecordHealthCheckInput, RecordHealthCheckOutput>(
    ActivityNames.recordHealthCheck,
    async (input) => {
      let output: RecordHealthCheckOutput;
      try {
        const stored = await dependencies
          .getRegistry()
          .update(input.sourceTenantId, input.targetTenantId, (record) => applyHealthResult(record, input.result));
        output = { recorded: true, state: stored.state };
      } catch (error) {
        if (!(error instanceof TenantPairNotFoundError)) {
          throw error;
        }
        output = { recorded: false, state: null };
      }
      sendPairChecked(dependencies.sink, input, input.result);
      return output;
    },
    (input) => ({
      sourceTenantId: input.sourceTenantId,
      targetTenantId: input.targetTenantId,
      verdict: input.result.verdict,
    }),
  );
}

export const recordHealthCheckHandler = createRecordHealthCheckHandler({
  getRegistry: getTenantPairRegistry,
  sink: appInsightsSink,
});

registerActivity(ActivityNames.recordHealthCheck, recordHealthCheckHandler);
