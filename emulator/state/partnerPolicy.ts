import { badRequest } from "../http/graphError";
import type { JsonObject, JsonValue, PartnerRecord } from "./model";

/** Nullable properties of crossTenantAccessPolicyConfigurationPartner besides its key `tenantId`. */
const PARTNER_PROPERTIES = [
  "isServiceProvider",
  "isInMultiTenantOrganization",
  "inboundTrust",
  "b2bCollaborationInbound",
  "b2bCollaborationOutbound",
  "b2bDirectConnectInbound",
  "b2bDirectConnectOutbound",
  "tenantRestrictions",
  "automaticUserConsentSettings",
  "crossCloudMeetingConfiguration",
];

/** Complex properties whose members are checked by name and must be booleans or null. */
const FLAG_MEMBERS: Record<string, readonly string[]> = {
  automaticUserConsentSettings: ["inboundAllowed", "outboundAllowed"],
  crossCloudMeetingConfiguration: ["inboundAllowed", "outboundAllowed"],
  inboundTrust: ["isMfaAccepted", "isCompliantDeviceAccepted", "isHybridAzureADJoinedDeviceAccepted"],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function newPartnerRecord(tenantId: string, now: number): PartnerRecord {
  const resource: PartnerRecord["resource"] = { tenantId };
  for (const name of PARTNER_PROPERTIES) {
    resource[name] = null;
  }
  const changedAt = { inboundAllowed: now, outboundAllowed: now, isSyncAllowed: now };
  return { resource, identitySynchronization: null, changedAt };
}

function validateMember(property: string, value: unknown): void {
  const members = FLAG_MEMBERS[property];
  if (value === null) {
    return;
  }
  if (property === "isServiceProvider" || property === "isInMultiTenantOrganization") {
    if (typeof value !== "boolean") {
      throw badRequest(`Invalid value for property '${property}': expected a boolean or null.`);
    }
    return;
  }
  if (!isObject(value)) {
    throw badRequest(`Invalid value for property '${property}': expected an object or null.`);
  }
  for (const [name, member] of Object.entries(value)) {
    if (members !== undefined && !members.includes(name) && !name.startsWith("@odata.")) {
      throw badRequest(`Invalid property '${name}'.`);
    }
    if (members !== undefined && member !== null && typeof member !== "boolean") {
      throw badRequest(`Invalid value for property '${property}/${name}': expected a boolean or null.`);
    }
  }
}

/** Checks a partner create or update body; property names are case-sensitive as in Graph. */
export function validatePartnerPatch(patch: Record<string, unknown>, allowTenantId: boolean): void {
  for (const [name, value] of Object.entries(patch)) {
    if (name.startsWith("@odata.")) {
      continue;
    }
    if (name === "tenantId" && allowTenantId) {
      continue;
    }
    if (!PARTNER_PROPERTIES.includes(name)) {
      throw badRequest(`Invalid property '${name}'.`);
    }
    validateMember(name, value);
  }
}

function mergeValue(current: JsonValue | undefined, update: unknown): JsonValue {
  if (isObject(update) && isObject(current)) {
    const merged: JsonObject = { ...(current as JsonObject) };
    for (const [name, value] of Object.entries(update)) {
      merged[name] = mergeValue(merged[name], value);
    }
    return merged;
  }
  return update as JsonValue;
}

function consentFlag(record: PartnerRecord, name: "inboundAllowed" | "outboundAllowed"): boolean {
  const settings = record.resource.automaticUserConsentSettings;
  return isObject(settings) && settings[name] === true;
}

/**
 * Applies a validated update. Complex values are merged member by member, as Graph does for PATCH.
 * Records when an auto-redemption flag changes, for the propagation delay.
 */
export function applyPartnerPatch(record: PartnerRecord, patch: Record<string, unknown>, now: number): void {
  const inboundBefore = consentFlag(record, "inboundAllowed");
  const outboundBefore = consentFlag(record, "outboundAllowed");
  for (const [name, value] of Object.entries(patch)) {
    if (name === "tenantId" || name.startsWith("@odata.")) {
      continue;
    }
    record.resource[name] = mergeValue(record.resource[name], value);
  }
  if (consentFlag(record, "inboundAllowed") !== inboundBefore) {
    record.changedAt.inboundAllowed = now;
  }
  if (consentFlag(record, "outboundAllowed") !== outboundBefore) {
    record.changedAt.outboundAllowed = now;
  }
}

/** Checks that a partner's consent flag is on and has been on for the propagation delay. */
export function isConsentPropagated(
  record: PartnerRecord | undefined,
  name: "inboundAllowed" | "outboundAllowed",
  now: number,
  delayMs: number,
): boolean {
  return record !== undefined && consentFlag(record, name) && now - record.changedAt[name] >= delayMs;
}

/** Checks that inbound user sync is allowed and has been for the propagation delay. */
export function isInboundSyncPropagated(record: PartnerRecord | undefined, now: number, delayMs: number): boolean {
  return (
    record !== undefined &&
    record.identitySynchronization?.userSyncInbound?.isSyncAllowed === true &&
    now - record.changedAt.isSyncAllowed >= delayMs
  );
}
