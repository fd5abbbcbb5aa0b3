import { createGraphClient } from "../graph/graphClient";
import { restartJob } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { RestartSyncJobInput } from "../shared/healthContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Clears only the quarantine, so that escrows and the watermark survive and the next cycle is incremental. */
export const QUARANTINE_RESET_SCOPE = "QuarantineState";

/**
 * Restarts a quarantined sync job (`POST .../restart` with `resetScope` QuarantineState). Restarting a job that is
 * no longer quarantined only starts it, so a re-run is safe.
 */
export const restartSyncJobHandler = defineActivity<RestartSyncJobInput, null>(
  ActivityNames.restartSyncJob,
  async (input) => {
    const api = createGraphClient(input.sourceTenantId);
    await restartJob(api, input.servicePrincipalId, input.jobId, QUARANTINE_RESET_SCOPE);
    return null;
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    servicePrincipalId: input.servicePrincipalId,
    jobId: input.jobId,
  }),
);

registerActivity(ActivityNames.restartSyncJob, restartSyncJobHandler);
