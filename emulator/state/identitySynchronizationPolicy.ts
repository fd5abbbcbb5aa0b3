import { badRequest } from "../http/graphError";
import type { IdentitySynchronizationResource, PartnerRecord } from "./model";

function parseUserSyncInbound(value: unknown): { isSyncAllowed: boolean } | null {
  if (value === null) {
    return null;
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw badRequest("Invalid value for property 'userSyncInbound': expected an object.");
  }
  for (const name of Object.keys(value)) {
    if (name !== "isSyncAllowed") {
      throw badRequest(`Invalid property '${name}'.`);
    }
  }
  const allowed = (value as Record<string, unknown>).isSyncAllowed;
  if (typeof allowed !== "boolean") {
    throw badRequest("Property 'userSyncInbound/isSyncAllowed' is required and must be a boolean.");
  }
  return { isSyncAllowed: allowed };
}

/** Checks an identity synchronization policy body (names are case-sensitive) and returns the members it sets. */
export function parseIdentitySynchronizationBody(
  body: Record<string, unknown>,
): Partial<IdentitySynchronizationResource> {
  const policy: Partial<IdentitySynchronizationResource> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name.startsWith("@odata.") || name === "tenantId") {
      continue;
    }
    if (name === "displayName") {
      if (value !== null && typeof value !== "string") {
        throw badRequest("Invalid value for property 'displayName': expected a string.");
      }
      policy.displayName = value;
    } else if (name === "userSyncInbound") {
      policy.userSyncInbound = parseUserSyncInbound(value);
    } else {
      throw badRequest(`Invalid property '${name}'.`);
    }
  }
  return policy;
}

/** Replaces or removes a partner's policy, recording when inbound sync was switched on or off. */
export function setIdentitySynchronization(
  partner: PartnerRecord,
  policy: IdentitySynchronizationResource | null,
  now: number,
): void {
  const before = partner.identitySynchronization?.userSyncInbound?.isSyncAllowed === true;
  partner.identitySynchronization = policy;
  if ((policy?.userSyncInbound?.isSyncAllowed === true) !== before) {
    partner.changedAt.isSyncAllowed = now;
  }
}
