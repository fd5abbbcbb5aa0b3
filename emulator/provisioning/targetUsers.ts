import { randomUUID } from "node:crypto";
import type { TenantDirectory, UserRecord, UserResource } from "../state/model";
import { mappedValues, type UserMapping } from "./attributeMappings";

/** Finds the B2B user that sync created in the target for a source user. */
export function findSyncedUser(
  target: TenantDirectory,
  sourceTenantId: string,
  sourceUserId: string,
): UserRecord | undefined {
  return [...target.users.values()].find(
    (user) => user.syncSource?.sourceTenantId === sourceTenantId && user.syncSource.sourceId === sourceUserId,
  );
}

/** Lists the target users that sync created from a source tenant. */
export function syncedUsersFrom(target: TenantDirectory, sourceTenantId: string): UserRecord[] {
  return [...target.users.values()].filter((user) => user.syncSource?.sourceTenantId === sourceTenantId);
}

/** Builds a B2B user's UPN: `alias_sourcedomain#EXT#@targetdomain`. */
export function externalUserPrincipalName(sourceUpn: string, targetDomain: string): string {
  return `${sourceUpn.replace("@", "_")}#EXT#@${targetDomain}`;
}

/** Creates the target B2B user for a source user, applying the job's mappings. */
export function createSyncedUser(
  target: TenantDirectory,
  sourceTenantId: string,
  sourceUser: UserResource,
  mappings: UserMapping[],
  now: number,
): UserRecord {
  const created = new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z");
  const resource: UserResource = {
    id: randomUUID(),
    displayName: sourceUser.displayName,
    givenName: null,
    surname: null,
    mail: null,
    userPrincipalName: externalUserPrincipalName(sourceUser.userPrincipalName, target.domains[0] ?? ""),
    userType: "Member",
    accountEnabled: true,
    creationType: null,
    externalUserState: "Accepted",
    externalUserStateChangeDateTime: created,
    showInAddressList: null,
    jobTitle: null,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    createdDateTime: created,
    ...mappedValues(mappings, sourceUser, true),
  };
  const record: UserRecord = { resource, syncSource: { sourceTenantId, sourceId: sourceUser.id } };
  target.users.set(resource.id, record);
  return record;
}

export interface PropertyChange {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

/** Applies changed mapped values to a synced user and returns what changed. */
export function updateSyncedUser(
  record: UserRecord,
  sourceUser: UserResource,
  mappings: UserMapping[],
): PropertyChange[] {
  const changes: PropertyChange[] = [];
  const target = record.resource as Record<string, unknown>;
  for (const [name, value] of Object.entries(mappedValues(mappings, sourceUser, false))) {
    if (JSON.stringify(target[name]) !== JSON.stringify(value)) {
      const oldValue = JSON.stringify(target[name] ?? null);
      changes.push({ displayName: name, oldValue, newValue: JSON.stringify(value ?? null) });
      target[name] = value;
    }
  }
  return changes;
}
