import type { EmulatorSettings } from "../settings";
import type { EmulatorState } from "../state/emulatorState";
import type {
  AppRoleAssignmentResource,
  ApplicationRecord,
  GroupRecord,
  PartnerRecord,
  ServicePrincipalRecord,
  SyncJobRecord,
  TenantDirectory,
  UserRecord,
} from "../state/model";

/** Version of the saved layout; a file with another version is rejected instead of being misread. */
export const SNAPSHOT_FORMAT = 1;

type Entries<V> = [string, V][];

interface SavedServicePrincipal extends Omit<ServicePrincipalRecord, "appRoleAssignedTo" | "jobs"> {
  appRoleAssignedTo: Entries<AppRoleAssignmentResource>;
  jobs: Entries<SyncJobRecord>;
}

interface SavedTenant {
  tenantId: string;
  displayName: string;
  domains: string[];
  users: Entries<UserRecord>;
  groups: Entries<GroupRecord>;
  applications: Entries<ApplicationRecord>;
  servicePrincipals: Entries<SavedServicePrincipal>;
  partners: Entries<PartnerRecord>;
  provisioningLogs: TenantDirectory["provisioningLogs"];
  grants: Entries<string[]>;
}

/**
 * The directory part of the emulator's state as JSON: tenants with every object, registered clients and settings.
 * Tokens, faults and the request log are left out, because clients can fetch new tokens and tests set up their own
 * faults. Times such as `visibleAt` are epoch ms, so a replication delay that ran out before a restart stays over.
 */
export interface StateSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  savedAt: string;
  settings: EmulatorSettings;
  clients: Entries<string>;
  tenants: Entries<SavedTenant>;
}

function saveServicePrincipal(record: ServicePrincipalRecord): SavedServicePrincipal {
  return { ...record, appRoleAssignedTo: [...record.appRoleAssignedTo], jobs: [...record.jobs] };
}

function restoreServicePrincipal(saved: SavedServicePrincipal): ServicePrincipalRecord {
  return { ...saved, appRoleAssignedTo: new Map(saved.appRoleAssignedTo), jobs: new Map(saved.jobs) };
}

function saveTenant(tenant: TenantDirectory): SavedTenant {
  return {
    tenantId: tenant.tenantId,
    displayName: tenant.displayName,
    domains: tenant.domains,
    users: [...tenant.users],
    groups: [...tenant.groups],
    applications: [...tenant.applications],
    servicePrincipals: [...tenant.servicePrincipals].map(([id, record]) => [id, saveServicePrincipal(record)]),
    partners: [...tenant.partners],
    provisioningLogs: tenant.provisioningLogs,
    grants: [...tenant.grants],
  };
}

function restoreTenant(saved: SavedTenant): TenantDirectory {
  return {
    tenantId: saved.tenantId,
    displayName: saved.displayName,
    domains: saved.domains,
    users: new Map(saved.users),
    groups: new Map(saved.groups),
    applications: new Map(saved.applications),
    servicePrincipals: new Map(saved.servicePrincipals.map(([id, record]) => [id, restoreServicePrincipal(record)])),
    partners: new Map(saved.partners),
    provisioningLogs: saved.provisioningLogs,
    grants: new Map(saved.grants),
  };
}

/** Captures the state to save. The snapshot shares objects with the state, so serialise it before the next change. */
export function takeSnapshot(state: EmulatorState, now: number): StateSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    savedAt: new Date(now).toISOString(),
    settings: { ...state.settings },
    clients: [...state.clients],
    tenants: [...state.tenants].map(([id, tenant]) => [id, saveTenant(tenant)]),
  };
}

/** Replaces the tenants, clients and settings of `state` with those of a snapshot read back from JSON. */
export function restoreSnapshot(state: EmulatorState, snapshot: StateSnapshot): void {
  state.settings = { ...state.settings, ...snapshot.settings };
  state.clients = new Map(snapshot.clients);
  state.tenants = new Map(snapshot.tenants.map(([id, saved]) => [id, restoreTenant(saved)]));
}
