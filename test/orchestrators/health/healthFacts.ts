import type { SyncJobFacts, TenantPairFacts } from "../../../src/shared/healthContracts";

export const INSPECTED_AT = "2026-12-04T16:30:00Z";

/** Minutes before the inspection, as Graph's date-time. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.parse(INSPECTED_AT) - minutes * 60_000).toISOString().replace(/\.000Z$/, "Z");
}

export function healthyJob(changes: Partial<SyncJobFacts> = {}): SyncJobFacts {
  const execution = {
    state: "Succeeded",
    timeBegan: minutesAgo(12),
    timeEnded: minutesAgo(10),
    countEntitled: 4,
    countExported: 0,
    countEscrowed: 0,
    errorCode: null,
  };
  return {
    jobId: "Azure2Azure.0123.tenant",
    scheduleState: "Active",
    statusCode: "Active",
    countSuccessiveCompleteFailures: 0,
    lastExecution: execution,
    lastSuccessfulExecution: execution,
    quarantine: null,
    steadyStateLastAchievedTime: minutesAgo(10),
    ...changes,
  };
}

/** Facts of a pair with nothing wrong; `changes` replace whole properties. */
export function healthyFacts(changes: Partial<TenantPairFacts> = {}): TenantPairFacts {
  return {
    inspectedAt: INSPECTED_AT,
    registeredAt: minutesAgo(24 * 60),
    servicePrincipalExists: true,
    job: healthyJob(),
    credentials: { checked: true, valid: true },
    provisioningFailures: [],
    provisioningLogSince: minutesAgo(120),
    targetIsSyncAllowed: true,
    targetInboundAllowed: true,
    sourceOutboundAllowed: true,
    ...changes,
  };
}
