import { randomUUID } from "node:crypto";
import type { JsonObject, SyncJobRecord, SyncStatus } from "../state/model";
import { AZURE2AZURE_TEMPLATE_ID, buildDefaultSchema } from "./crossTenantSyncTemplate";

/** Graph's value for a time that has never happened, e.g. a steady state never reached. */
export const NEVER = "0001-01-01T00:00:00Z";

/** Formats epoch ms as Graph's date-time, in UTC with whole seconds. */
export function graphTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function initialStatus(): SyncStatus {
  return {
    code: "Paused",
    countSuccessiveCompleteFailures: 0,
    escrowsPruned: false,
    lastExecution: null,
    lastSuccessfulExecution: null,
    lastSuccessfulExecutionWithExports: null,
    progress: [],
    quarantine: null,
    steadyStateFirstAchievedTime: NEVER,
    steadyStateLastAchievedTime: NEVER,
    synchronizedEntryCountByType: [],
    troubleshootingUrl: null,
  };
}

/** Creates a cross-tenant sync job: id `Azure2Azure.<32 hex>.<tenant id>`, schedule Disabled, status Paused. */
export function createSyncJob(tenantId: string): SyncJobRecord {
  return {
    resource: {
      id: `${AZURE2AZURE_TEMPLATE_ID}.${randomUUID().replace(/-/g, "")}.${tenantId}`,
      templateId: AZURE2AZURE_TEMPLATE_ID,
      schedule: { expiration: null, interval: "PT40M", state: "Disabled" },
      status: initialStatus(),
      // NOTE: Graph lists job settings here whose names it does not document; the emulator returns none.
      synchronizationJobSettings: [],
    },
    schema: buildDefaultSchema(),
  };
}

/** Puts a job in quarantine, as the service does after repeated failures or an admin action. */
export function quarantineJob(job: SyncJobRecord, reason: string, error: JsonObject | null, now: number): void {
  const status = job.resource.status;
  const began = graphTime(now);
  const seriesBegan = typeof status.quarantine?.seriesBegan === "string" ? status.quarantine.seriesBegan : began;
  const seriesCount = typeof status.quarantine?.seriesCount === "number" ? status.quarantine.seriesCount + 1 : 1;
  status.code = "Quarantine";
  status.quarantine = {
    currentBegan: began,
    nextAttempt: graphTime(now + 6 * 60 * 60 * 1000),
    reason,
    seriesBegan,
    seriesCount,
    error,
  };
}

/** Lifts quarantine and activates the schedule, as `start` and `restart` do. */
export function activateJob(job: SyncJobRecord): void {
  job.resource.schedule.state = "Active";
  job.resource.status.code = "Active";
  job.resource.status.quarantine = null;
}
