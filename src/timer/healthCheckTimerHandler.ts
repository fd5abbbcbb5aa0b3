import type { InvocationContext, Timer } from "@azure/functions";

import { type OperationsClient, errorText } from "../http/durableInstances";
import { startOrchestrationOnce } from "../http/startOrchestrationOnce";
import { OrchestratorNames } from "../shared/activityNames";
import type { CheckAllTenantPairsInput } from "../shared/healthContracts";
import { healthSweepInstanceId } from "../shared/healthInstanceIds";
import { type NcrontabSchedule, previousOccurrence } from "../shared/ncrontab";

/**
 * A tick may fire a moment before its scheduled second when clocks differ. Looking this far ahead still finds that
 * tick instead of the one before it.
 */
const EARLY_FIRE_TOLERANCE_MS = 1_000;

export interface HealthCheckTimerDependencies {
  getClient: (context: InvocationContext) => OperationsClient;
  schedule: NcrontabSchedule;
  /** Copied into the orchestration input, because orchestrators may not read settings. */
  input: CheckAllTenantPairsInput;
  now?: () => Date;
}

/**
 * Creates the handler of the health-check timer. It starts one `checkAllTenantPairs` per tick under an id derived
 * from the tick's scheduled time. A tick whose instance exists already (a repeated tick, or a second host) starts
 * nothing and is logged. A past-due tick (the host was down at the scheduled time) runs for the latest occurrence.
 */
export function createHealthCheckTimerHandler(dependencies: HealthCheckTimerDependencies) {
  return async function healthCheckTimer(timer: Timer, context: InvocationContext): Promise<void> {
    const now = dependencies.now?.() ?? new Date();
    const scheduledAt =
      previousOccurrence(dependencies.schedule, new Date(now.getTime() + EARLY_FIRE_TOLERANCE_MS)) ?? now;
    const instanceId = healthSweepInstanceId(scheduledAt);
    if (timer.isPastDue) {
      context.warn(`HealthCheckTickPastDue instanceId=${instanceId} firedAt=${now.toISOString()}`);
    }
    try {
      const outcome = await startOrchestrationOnce(
        dependencies.getClient(context),
        OrchestratorNames.checkAllTenantPairs,
        instanceId,
        dependencies.input,
        { replaceEnded: false },
      );
      if (outcome === "alreadyExists") {
        context.log(
          `HealthCheckAlreadyStarted instanceId=${instanceId}: this tick's run exists, so nothing was started.`,
        );
        return;
      }
    } catch (error) {
      context.error(`HealthCheckStartFailed instanceId=${instanceId} ${errorText(error)}`);
      throw error;
    }
    context.log(`HealthCheckStarted instanceId=${instanceId} maxParallel=${dependencies.input.maxParallel}`);
  };
}
