import type { GraphApi } from "../../graph/graphApi";
import { getPartner, updatePartner } from "../../graph/partners";
import { whileReplicating } from "../../graph/replication";
import type { FlagOutcome } from "../../shared/onboardingContracts";
import type { ActivityLog } from "../../telemetry/activityLog";
import { LogEvents } from "../../telemetry/logEvents";

export type ConsentDirection = "inboundAllowed" | "outboundAllowed";

const OTHER_DIRECTION: Record<ConsentDirection, ConsentDirection> = {
  inboundAllowed: "outboundAllowed",
  outboundAllowed: "inboundAllowed",
};

/**
 * Sets `automaticUserConsentSettings.<direction>` to true on a partner configuration unless it is true already.
 * The other direction is sent back with its current value when it has one, so the change cannot reset it whether
 * Graph replaces or merges the complex property.
 */
export async function enableAutoRedemption(
  api: GraphApi,
  partnerTenantId: string,
  direction: ConsentDirection,
  log: ActivityLog,
): Promise<FlagOutcome> {
  // The partner may have been created by this run a moment ago.
  const partner = await whileReplicating(getPartner(api, partnerTenantId));
  const current = partner.automaticUserConsentSettings?.[direction];
  const previousValue = typeof current === "boolean" ? current : null;
  const properties = { tenantId: api.tenant, partnerTenantId, flag: `automaticUserConsentSettings.${direction}` };
  if (previousValue === true) {
    log.event(LogEvents.policyFlagAlreadySet, properties);
    return { changed: false, previousValue };
  }
  const other = partner.automaticUserConsentSettings?.[OTHER_DIRECTION[direction]];
  const settings: Record<string, boolean> = { [direction]: true };
  if (typeof other === "boolean") {
    settings[OTHER_DIRECTION[direction]] = other;
  }
  await whileReplicating(updatePartner(api, partnerTenantId, { automaticUserConsentSettings: settings }));
  log.event(LogEvents.policyFlagChanged, { ...properties, previousValue: String(previousValue) });
  return { changed: true, previousValue };
}
