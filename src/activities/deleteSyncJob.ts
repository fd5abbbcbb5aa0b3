import { deleteJob } from "../graph/deletions";
import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput, SyncJobInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { deleteObject } from "./support/deleteObject";

/** Deletes the synchronization job that onboarding created. A 404, also when the service principal is gone, counts as deleted. */
export const deleteSyncJobHandler = defineActivity<SyncJobInput, CompensationOutput>(
  ActivityNames.deleteSyncJob,
  (input, log) =>
    deleteObject(deleteJob(createGraphClient(input.sourceTenantId), input.servicePrincipalId, input.jobId), log, {
      objectType: "synchronizationJob",
      id: input.jobId,
      servicePrincipalId: input.servicePrincipalId,
    }),
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    servicePrincipalId: input.servicePrincipalId,
    jobId: input.jobId,
  }),
);

registerActivity(ActivityNames.deleteSyncJob, deleteSyncJobHandler);
