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

/** States of a pair that an offboarding is removing or has removed: a health result would only mislead there. */
const OFFBOARDING_STATES: ReadonlySet<TenantPairState> = new Set(["offboarding", "offboarded"]);

/** Thrown inside a registry change to leave an offboarding or offboarded pair's record as it is. */
class PairOffboardingError extends Error {
  override readonly name = "PairOffboardingError";

  constructor(readonly state: TenantPairState) {
    super(`The pair is ${state}, so its health result is not stored.`);
  }
}

export interface RecordHealthCheckDependencies {
  getRegistry: () => TenantPairRegistry;
  sink: TelemetrySink;
}

/**
 * Creates the activity that stores a health result in the registry and sends one `TenantPairHealthChecked` event.
 * A pair removed from the registry meanwhile is not re-created, and the record of a pair that is offboarding or
 * offboarded is not changed at all: the event is still sent, `recorded` is false and `state` is the stored one.
 */
export function createRecordHealthCheckHandler(dependencies: RecordHealthCheckDependencies) {
  return defineActivity<RecordHealthCheckInput, RecordHealthCheckOutput>(
    ActivityNames.recordHealthCheck,
    async (input) => {
      let output: RecordHealthCheckOutput;
      try {
        // The state is checked inside the change, so an offboarding that starts during the check is seen too.
        const stored = await dependencies.getRegistry().update(input.sourceTenantId, input.targetTenantId, (record) => {
          if (OFFBOARDING_STATES.has(record.state)) {
            throw new PairOffboardingError(record.state);
          }
          return applyHealthResult(record, input.result);
        });
        output = { recorded: true, state: stored.state };
      } catch (error) {
        if (error instanceof PairOffboardingError) {
          output = { recorded: false, state: error.state };
        } else if (error instanceof TenantPairNotFoundError) {
          output = { recorded: false, state: null };
        } else {
          throw error;
        }
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
