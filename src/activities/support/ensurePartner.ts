import type { GraphApi } from "../../graph/graphApi";
import { isGraphRequestError } from "../../graph/graphRequestError";
import { createPartner, getPartner } from "../../graph/partners";
import { whileReplicating } from "../../graph/replication";
import type { ObjectOutcome } from "../../shared/onboardingContracts";
import type { ActivityLog } from "../../telemetry/activityLog";
import { LogEvents } from "../../telemetry/logEvents";

/**
 * Makes sure the tenant behind `api` has a partner configuration for `partnerTenantId`: creates it, or adopts the one
 * that exists (Graph returns 409 to the create). The outcome's id is the partner's tenant id, the key of the object.
 */
export async function ensurePartner(api: GraphApi, partnerTenantId: string, log: ActivityLog): Promise<ObjectOutcome> {
  const properties = { objectType: "crossTenantAccessPartner", tenantId: api.tenant };
  try {
    await createPartner(api, partnerTenantId);
    log.event(LogEvents.objectCreated, { ...properties, partnerTenantId });
    return { id: partnerTenantId, created: true };
  } catch (error) {
    if (!isGraphRequestError(error) || error.kind !== "conflict") {
      throw error;
    }
  }
  const existing = await whileReplicating(getPartner(api, partnerTenantId));
  log.event(LogEvents.objectAdopted, { ...properties, partnerTenantId });
  return { id: existing.tenantId ?? partnerTenantId, created: false };
}
