import type { SynchronizationJob } from "@microsoft/microsoft-graph-types";

import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { whileReplicating } from "../graph/replication";
import { AZURE2AZURE_TEMPLATE_ID, createJob, listJobs } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { ObjectOutcome, ServicePrincipalInput } from "../shared/onboardingContracts";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

function findAzure2AzureJob(jobs: SynchronizationJob[]): SynchronizationJob | undefined {
  return jobs.find((job) => job.templateId === AZURE2AZURE_TEMPLATE_ID && job.id);
}

/**
 * Creates the `Azure2Azure` synchronization job on the service principal, or adopts the one it has. A service
 * principal has at most one such job, so a failed create (e.g. "already exists" after a lost response) is followed
 * by another look before the error is thrown.
 */
export const createSyncJobHandler = defineActivity<ServicePrincipalInput, ObjectOutcome>(
  ActivityNames.createSyncJob,
  async (input, log) => {
    const api = createGraphClient(input.sourceTenantId);
    // The service principal is new, so its synchronization endpoints can 404 while it replicates.
    const existing = findAzure2AzureJob(await whileReplicating(listJobs(api, input.servicePrincipalId)));
    if (existing?.id) {
      log.event(LogEvents.objectAdopted, { objectType: "synchronizationJob", id: existing.id });
      return { id: existing.id, created: false };
    }
    let job: SynchronizationJob | undefined;
    try {
      job = await whileReplicating(createJob(api, input.servicePrincipalId));
    } catch (error) {
      if (!isGraphRequestError(error) || error.kind === "forbidden" || error.kind === "notFound") {
        throw error;
      }
      const adopted = findAzure2AzureJob(await whileReplicating(listJobs(api, input.servicePrincipalId)));
      if (!adopted?.id) {
        throw error;
      }
      log.event(LogEvents.objectAdopted, { objectType: "synchronizationJob", id: adopted.id, afterError: error.code });
      return { id: adopted.id, created: false };
    }
    if (!job?.id) {
      throw new Error(`Creating the sync job on service principal ${input.servicePrincipalId} returned no job id.`);
    }
    log.event(LogEvents.objectCreated, { objectType: "synchronizationJob", id: job.id });
    return { id: job.id, created: true };
  },
  (input) => ({ sourceTenantId: input.sourceTenantId, servicePrincipalId: input.servicePrincipalId }),
);

registerActivity(ActivityNames.createSyncJob, createSyncJobHandler);
