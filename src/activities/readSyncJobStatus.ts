import { createGraphClient } from "../graph/graphClient";
import { whileReplicating } from "../graph/replication";
import { getJob } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { SyncJobInput, SyncJobStatus } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { toSyncJobStatus } from "./support/syncJobStatus";

/** Reads the sync job's schedule, status, last runs and quarantine. */
export const readSyncJobStatusHandler = defineActivity<SyncJobInput, SyncJobStatus>(
  ActivityNames.readSyncJobStatus,
  async (input) => {
    const api = createGraphClient(input.sourceTenantId);
    const job = await whileReplicating(getJob(api, input.servicePrincipalId, input.jobId));
    return toSyncJobStatus(job, input.jobId);
  },
  (input) => ({ servicePrincipalId: input.servicePrincipalId, jobId: input.jobId }),
);

registerActivity(ActivityNames.readSyncJobStatus, readSyncJobStatusHandler);
