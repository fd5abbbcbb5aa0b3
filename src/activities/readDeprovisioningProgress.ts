import { countDeletesSince } from "../graph/deprovisioning";
import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { getJob } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { DeprovisioningProgress, ReadDeprovisioningInput } from "../shared/offboardingContracts";
import { toSyncJobStatus } from "./support/syncJobStatus";
import { defineActivity, registerActivity } from "./support/defineActivity";

/**
 * Reads how far sync cycles have removed the synced users after the unassignment: the job's status with its
 * `synchronizedEntryCountByType`, and the successful deletes in its provisioning logs since then. A missing job
 * (404) is reported as `job: null`.
 */
export const readDeprovisioningProgressHandler = defineActivity<ReadDeprovisioningInput, DeprovisioningProgress>(
  ActivityNames.readDeprovisioningProgress,
  async (input) => {
    const api = createGraphClient(input.sourceTenantId);
    let job;
    try {
      job = await getJob(api, input.servicePrincipalId, input.jobId);
    } catch (error) {
      if (isGraphRequestError(error) && error.kind === "notFound") {
        return { job: null, synchronizedCount: null, deletedCount: 0 };
      }
      throw error;
    }
    const counts = job.status?.synchronizedEntryCountByType;
    const synchronizedCount = counts == null ? null : counts.reduce((sum, entry) => sum + (entry.value ?? 0), 0);
    const deletedCount = await countDeletesSince(api, input.jobId, new Date(input.since));
    return { job: toSyncJobStatus(job, input.jobId), synchronizedCount, deletedCount };
  },
  (input) => ({ servicePrincipalId: input.servicePrincipalId, jobId: input.jobId, since: input.since }),
);

registerActivity(ActivityNames.readDeprovisioningProgress, readDeprovisioningProgressHandler);
