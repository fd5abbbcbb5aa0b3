import { deleteIdentitySynchronization } from "../graph/deletions";
import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput, RemoveIdentitySynchronizationInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { deleteObject } from "./support/deleteObject";

/**
 * Deletes the identity synchronization policy that onboarding created in the target, which stops inbound sync from
 * the source. A 404, also when the partner is gone, counts as deleted. Users synced already stay in the target.
 */
export const removeIdentitySynchronizationHandler = defineActivity<
  RemoveIdentitySynchronizationInput,
  CompensationOutput
>(
  ActivityNames.removeIdentitySynchronization,
  (input, log) =>
    deleteObject(deleteIdentitySynchronization(createGraphClient(input.targetTenantId), input.sourceTenantId), log, {
      objectType: "identitySynchronization",
      tenantId: input.targetTenantId,
      partnerTenantId: input.sourceTenantId,
    }),
  (input) => ({ sourceTenantId: input.sourceTenantId, targetTenantId: input.targetTenantId }),
);

registerActivity(ActivityNames.removeIdentitySynchronization, removeIdentitySynchronizationHandler);
