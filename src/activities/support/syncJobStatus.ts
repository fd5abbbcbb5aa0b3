import type {
  SynchronizationJob,
  SynchronizationQuarantine,
  SynchronizationTaskExecution,
} from "@microsoft/microsoft-graph-types";

import type { SyncExecution, SyncJobStatus } from "../../shared/onboardingContracts";

function toExecution(execution: SynchronizationTaskExecution | null | undefined): SyncExecution | null {
  if (!execution) {
    return null;
  }
  return {
    state: execution.state ?? "Unknown",
    timeBegan: execution.timeBegan ?? null,
    timeEnded: execution.timeEnded ?? null,
    countEntitled: execution.countEntitled ?? 0,
    countExported: execution.countExported ?? 0,
    countEscrowed: execution.countEscrowed ?? 0,
    errorCode: execution.error?.code ?? null,
  };
}

function toQuarantine(quarantine: SynchronizationQuarantine | null | undefined): SyncJobStatus["quarantine"] {
  if (!quarantine) {
    return null;
  }
  return {
    reason: quarantine.reason ?? "Unknown",
    errorCode: quarantine.error?.code ?? null,
    errorMessage: quarantine.error?.message ?? null,
  };
}

/** Maps a synchronization job to the status fields that onboarding and health checks read; missing parts read empty. */
export function toSyncJobStatus(job: SynchronizationJob, jobId: string): SyncJobStatus {
  const status = job.status;
  return {
    jobId: job.id ?? jobId,
    scheduleState: job.schedule?.state ?? "Unknown",
    statusCode: status?.code ?? "Unknown",
    countSuccessiveCompleteFailures: status?.countSuccessiveCompleteFailures ?? 0,
    lastExecution: toExecution(status?.lastExecution),
    lastSuccessfulExecution: toExecution(status?.lastSuccessfulExecution),
    quarantine: toQuarantine(status?.quarantine),
  };
}
