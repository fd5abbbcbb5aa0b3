import { createGraphClient } from "../graph/graphClient";
import { whileReplicating } from "../graph/replication";
import { startJob } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { SyncJobInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Starts the sync job. Graph treats a start of a running job as a no-op, so a re-run is safe. */
export const startSyncJobHandler = defineActivity<SyncJobInput, null>(
  ActivityNames.startSyncJob,
  async (input) => {
    // The job was created moments earlier and may not be visible yet.
    await whileReplicating(startJob(createGraphClient(input.sourceTenantId), input.servicePrincipalId, input.jobId));
    return null;
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    servicePrincipalId: input.servicePrincipalId,
    jobId: input.jobId,
  }),
);

registerActivity(ActivityNames.startSyncJob, startSyncJobHandler);
