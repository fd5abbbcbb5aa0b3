import { deleteApplication, deleteServicePrincipal } from "../graph/deletions";
import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput, DeleteSyncApplicationInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { deleteObject } from "./support/deleteObject";

/**
 * Deletes the sync application that onboarding created: the service principal first, which takes its jobs and
 * assignments with it, then the application. Each 404 counts as deleted, so a second run changes nothing.
 */
export const deleteSyncApplicationHandler = defineActivity<DeleteSyncApplicationInput, CompensationOutput>(
  ActivityNames.deleteSyncApplication,
  async (input, log) => {
    const api = createGraphClient(input.sourceTenantId);
    const servicePrincipal = await deleteObject(deleteServicePrincipal(api, input.servicePrincipalId), log, {
      objectType: "servicePrincipal",
      id: input.servicePrincipalId,
    });
    const application = await deleteObject(deleteApplication(api, input.applicationId), log, {
      objectType: "application",
      id: input.applicationId,
    });
    return { alreadyUndone: servicePrincipal.alreadyUndone && application.alreadyUndone };
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    applicationId: input.applicationId,
    servicePrincipalId: input.servicePrincipalId,
  }),
);

registerActivity(ActivityNames.deleteSyncApplication, deleteSyncApplicationHandler);
