import type { SyncJobStatus } from "../../shared/onboardingContracts";
import type { FirstCycleReport } from "../../shared/onboardingResult";

/**
 * Returns true when a synchronization cycle ended after `startedAt`: the last execution, or the last successful one,
 * has a `timeEnded` later than that time. Executions from before the start, e.g. of a job adopted by a re-run, do not
 * count.
 */
export function hasCycleEndedSince(job: SyncJobStatus, startedAt: Date): boolean {
  return [job.lastExecution?.timeEnded, job.lastSuccessfulExecution?.timeEnded].some(
    (timeEnded) => timeEnded != null && Date.parse(timeEnded) > startedAt.getTime(),
  );
}

/** Tells whether the job is in quarantine. A quarantined job retries only after hours, so the wait stops at once. */
export function isQuarantined(job: SyncJobStatus): boolean {
  return job.quarantine !== null || job.statusCode === "Quarantine";
}

/** Tells why the first-cycle wait stopped, given the job status its last poll returned. */
export function firstCycleOutcome(job: SyncJobStatus, startedAt: Date): FirstCycleReport["outcome"] {
  if (hasCycleEndedSince(job, startedAt)) {
    return "cycleEnded";
  }
  if (isQuarantined(job)) {
    return "quarantined";
  }
  return "timedOut";
}

export function buildFirstCycleReport(job: SyncJobStatus, outcome: FirstCycleReport["outcome"]): FirstCycleReport {
  const execution = job.lastExecution;
  return {
    completed: outcome === "cycleEnded",
    outcome,
    jobId: job.jobId,
    statusCode: job.statusCode,
    scheduleState: job.scheduleState,
    lastExecutionState: execution?.state ?? null,
    timeEnded: execution?.timeEnded ?? null,
    countEntitled: execution?.countEntitled ?? 0,
    countExported: execution?.countExported ?? 0,
    countEscrowed: execution?.countEscrowed ?? 0,
    errorCode: execution?.errorCode ?? job.quarantine?.errorCode ?? null,
    quarantineReason: job.quarantine?.reason ?? null,
  };
}

/** Short text for the step record, e.g. "cycle ended: 12 exported, status Active". */
export function describeFirstCycle(report: FirstCycleReport): string {
  const counts = `${report.countExported} exported, ${report.countEscrowed} escrowed, status ${report.statusCode}`;
  switch (report.outcome) {
    case "cycleEnded":
      return `first cycle ended: ${counts}`;
    case "quarantined":
      return `job is in quarantine (${report.quarantineReason ?? "no reason given"}): ${counts}`;
    case "timedOut":
      return `first cycle had not ended when the wait timed out; the job keeps running: ${counts}`;
  }
}
