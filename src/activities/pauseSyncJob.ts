import { pauseJob } from "../graph/deprovisioning";
import { createGraphClient } from "../graph/graphClient";
import { isAlreadyGone } from "../graph/notFound";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput } from "../shared/onboardingContracts";
import type { PauseSyncJobInput } from "../shared/offboardingContracts";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

/**
 * Pauses a sync job that existed before onboarding, so that offboarding ends sync for the pair without deleting an
 * object it did not create. Pausing twice changes nothing; a missing job (404) counts as done.
 */
export const pauseSyncJobHandler = defineActivity<PauseSyncJobInput, CompensationOutput>(
  ActivityNames.pauseSyncJob,
  async (input, log) => {
    const api = createGraphClient(input.sourceTenantId);
    const alreadyUndone = await isAlreadyGone(pauseJob(api, input.servicePrincipalId, input.jobId));
    const properties = {
      objectType: "synchronizationJob",
      id: input.jobId,
      servicePrincipalId: input.servicePrincipalId,
    };
    log.event(alreadyUndone ? LogEvents.objectAlreadyGone : LogEvents.syncJobPaused, properties);
    return { alreadyUndone };
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    servicePrincipalId: input.servicePrincipalId,
    jobId: input.jobId,
  }),
);

registerActivity(ActivityNames.pauseSyncJob, pauseSyncJobHandler);
