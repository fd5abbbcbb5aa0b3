import type { DeprovisioningProgress } from "../../shared/offboardingContracts";
import { isQuarantined } from "../onboarding/firstCycle";

/** State of the removal of the synced users, judged from one read of Graph's facts. */
export type DeprovisioningState = "removed" | "jobGone" | "quarantined" | "pending";

/**
 * Judges whether sync cycles have removed the synced users: a successful cycle began after the unassignment (`since`)
 * and the job reports no synchronized entry left. A quarantined job runs no cycle for hours, so the wait stops.
 * NOTE: when Graph reports no `synchronizedEntryCountByType`, one successful cycle after the unassignment counts as
 * done, which may be early when Graph spreads the deletes over several cycles.
 */
export function judgeDeprovisioning(progress: DeprovisioningProgress, since: Date): DeprovisioningState {
  const job = progress.job;
  if (job === null) {
    return "jobGone";
  }
  if (isQuarantined(job)) {
    return "quarantined";
  }
  const execution = job.lastSuccessfulExecution;
  const began = execution?.timeBegan ?? execution?.timeEnded ?? null;
  const cycleRanSince = began !== null && Date.parse(began) > since.getTime();
  if (cycleRanSince && (progress.synchronizedCount === null || progress.synchronizedCount === 0)) {
    return "removed";
  }
  return "pending";
}

/** Short text for the step record, e.g. "5 users deleted by sync; 0 synchronized entries left". */
export function describeDeprovisioning(progress: DeprovisioningProgress): string {
  const left =
    progress.synchronizedCount === null
      ? "Graph reports no entry count"
      : `${progress.synchronizedCount} synchronized entries left`;
  return `${progress.deletedCount} users deleted by sync; ${left}`;
}
