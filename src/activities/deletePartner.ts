import { deletePartner } from "../graph/deletions";
import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput, PartnerStepInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { deleteObject } from "./support/deleteObject";

/**
 * Deletes a partner configuration that onboarding created, in the tenant `tenantId`. A 404 counts as deleted. Graph
 * rejects the delete while the partner still has an identity synchronization policy.
 */
export const deletePartnerHandler = defineActivity<PartnerStepInput, CompensationOutput>(
  ActivityNames.deletePartner,
  (input, log) =>
    deleteObject(deletePartner(createGraphClient(input.tenantId), input.partnerTenantId), log, {
      objectType: "crossTenantAccessPartner",
      tenantId: input.tenantId,
      partnerTenantId: input.partnerTenantId,
    }),
  (input) => ({ tenantId: input.tenantId, partnerTenantId: input.partnerTenantId }),
);

registerActivity(ActivityNames.deletePartner, deletePartnerHandler);
