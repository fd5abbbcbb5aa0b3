/** Reads the Graph emulator's admin API: the parts of a tenant dump that the demo prints and checks. */
import { getJson } from "./http";

export interface DumpedUser {
  id: string;
  displayName?: string;
  userPrincipalName: string;
  userType?: string;
  accountEnabled?: boolean;
}

export interface DumpedGroup {
  id: string;
  displayName: string;
  members?: Array<string | { id: string }>;
}

export interface TenantDump {
  tenantId: string;
  users: DumpedUser[];
  groups: DumpedGroup[];
  servicePrincipals: Array<{ id: string; displayName?: string }>;
}

export interface TenantSummary {
  tenantId: string;
  displayName: string;
  defaultDomainName: string;
}

export function listTenants(emulatorUrl: string): Promise<TenantSummary[]> {
  return getJson<TenantSummary[]>(`${emulatorUrl}/_emulator/tenants`);
}

export function dumpTenant(emulatorUrl: string, tenantId: string): Promise<TenantDump> {
  return getJson<TenantDump>(`${emulatorUrl}/_emulator/tenants/${tenantId}`);
}

export function memberIds(group: DumpedGroup): string[] {
  return (group.members ?? []).map((member) => (typeof member === "string" ? member : member.id));
}

/** B2B users that cross-tenant sync created: their user principal names carry the `#EXT#` marker. */
export function syncedUsers(dump: TenantDump): DumpedUser[] {
  return dump.users.filter((user) => user.userPrincipalName.includes("#EXT#"));
}
