import type { GraphApi } from "../graph/graphApi";
import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { getIdentitySynchronization, updateIdentitySynchronization } from "../graph/partners";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput, RestoreInboundSyncInput } from "../shared/onboardingContracts";
import type { ActivityLog } from "../telemetry/activityLog";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

const FLAG = "userSyncInbound.isSyncAllowed";

async function restoreIsSyncAllowed(
  api: GraphApi,
  input: RestoreInboundSyncInput,
  log: ActivityLog,
): Promise<CompensationOutput> {
  const properties = { tenantId: input.targetTenantId, partnerTenantId: input.sourceTenantId, flag: FLAG };
  // A policy without a value does not allow sync, and Graph requires a boolean in `userSyncInbound`, so null is
  // written back as false.
  const restored = input.previousIsSyncAllowed ?? false;
  const policy = await getIdentitySynchronization(api, input.sourceTenantId);
  if ((policy.userSyncInbound?.isSyncAllowed ?? false) === restored) {
    log.event(LogEvents.policyFlagAlreadySet, { ...properties, value: restored });
    return { alreadyUndone: true };
  }
  await updateIdentitySynchronization(api, input.sourceTenantId, { userSyncInbound: { isSyncAllowed: restored } });
  log.event(LogEvents.policyFlagRestored, { ...properties, value: restored });
  return { alreadyUndone: false };
}

/**
 * Writes `isSyncAllowed` of an identity synchronization policy that onboarding adopted back to its earlier value. The
 * policy itself existed before the run, so it stays. A missing policy (404) counts as restored.
 */
export const restoreInboundSyncHandler = defineActivity<RestoreInboundSyncInput, CompensationOutput>(
  ActivityNames.restoreInboundSync,
  async (input, log) => {
    try {
      return await restoreIsSyncAllowed(createGraphClient(input.targetTenantId), input, log);
    } catch (error) {
      if (!isGraphRequestError(error) || error.kind !== "notFound") {
        throw error;
      }
      const policy = {
        objectType: "identitySynchronization",
        tenantId: input.targetTenantId,
        partnerTenantId: input.sourceTenantId,
      };
      log.event(LogEvents.objectAlreadyGone, policy);
      return { alreadyUndone: true };
    }
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    targetTenantId: input.targetTenantId,
    previousIsSyncAllowed: input.previousIsSyncAllowed,
  }),
);

registerActivity(ActivityNames.restoreInboundSync, restoreInboundSyncHandler);
