import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import {
  getIdentitySynchronization,
  putIdentitySynchronization,
  updateIdentitySynchronization,
} from "../graph/partners";
import { whileReplicating } from "../graph/replication";
import { ActivityNames } from "../shared/activityNames";
import type { AllowInboundSyncInput, AllowInboundSyncOutput } from "../shared/onboardingContracts";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

/**
 * Allows users from the source to be synchronized into the target: creates the identity synchronization policy with
 * `isSyncAllowed: true`, or, when it exists (409), sets the flag unless it is true already.
 */
export const allowInboundSyncHandler = defineActivity<AllowInboundSyncInput, AllowInboundSyncOutput>(
  ActivityNames.allowInboundSync,
  async (input, log) => {
    const api = createGraphClient(input.targetTenantId);
    const properties = { tenantId: input.targetTenantId, partnerTenantId: input.sourceTenantId };
    try {
      // The partner configuration that the policy belongs to was created by the previous step, possibly just now.
      await whileReplicating(
        putIdentitySynchronization(api, input.sourceTenantId, {
          displayName: input.displayName,
          userSyncInbound: { isSyncAllowed: true },
        }),
      );
      log.event(LogEvents.objectCreated, { ...properties, objectType: "identitySynchronization" });
      return { created: true, previousIsSyncAllowed: null };
    } catch (error) {
      if (!isGraphRequestError(error) || error.kind !== "conflict") {
        throw error;
      }
    }
    const existing = await whileReplicating(getIdentitySynchronization(api, input.sourceTenantId));
    const current = existing.userSyncInbound?.isSyncAllowed;
    const previousIsSyncAllowed = typeof current === "boolean" ? current : null;
    log.event(LogEvents.objectAdopted, { ...properties, objectType: "identitySynchronization" });
    if (previousIsSyncAllowed === true) {
      log.event(LogEvents.policyFlagAlreadySet, { ...properties, flag: "userSyncInbound.isSyncAllowed" });
    } else {
      const changes = { userSyncInbound: { isSyncAllowed: true } };
      await whileReplicating(updateIdentitySynchronization(api, input.sourceTenantId, changes));
      log.event(LogEvents.policyFlagChanged, { ...properties, flag: "userSyncInbound.isSyncAllowed" });
    }
    return { created: false, previousIsSyncAllowed };
  },
  (input) => ({ sourceTenantId: input.sourceTenantId, targetTenantId: input.targetTenantId }),
);

registerActivity(ActivityNames.allowInboundSync, allowInboundSyncHandler);
