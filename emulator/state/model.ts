/**
 * The directory model of one emulated tenant. Each `...Resource` type is what Graph returns for the object; the
 * surrounding `...Record` types add what the emulator keeps internally and never returns.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type UserResource = {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  userPrincipalName: string;
  userType: string;
  accountEnabled: boolean;
  creationType: string | null;
  externalUserState: string | null;
  externalUserStateChangeDateTime: string | null;
  showInAddressList: boolean | null;
  jobTitle: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
  createdDateTime: string;
};

/** Link from a synced B2B user to the source user it was created from (Graph's undocumented beta `source`). */
export interface SyncedUserSource {
  sourceTenantId: string;
  sourceId: string;
}

export interface UserRecord {
  resource: UserResource;
  syncSource: SyncedUserSource | null;
}

export type GroupResource = {
  id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  mailEnabled: boolean;
  mailNickname: string;
  securityEnabled: boolean;
  groupTypes: string[];
  createdDateTime: string;
};

export interface GroupRecord {
  resource: GroupResource;
  /** Ids of member users, in the order they were added. */
  memberIds: string[];
}

export type AppRoleResource = {
  allowedMemberTypes: string[];
  description: string;
  displayName: string;
  id: string;
  isEnabled: boolean;
  origin: string;
  value: string | null;
};

export type ApplicationResource = {
  id: string;
  appId: string;
  applicationTemplateId: string | null;
  displayName: string;
  createdDateTime: string;
  deletedDateTime: string | null;
  signInAudience: string;
  identifierUris: string[];
  tags: string[];
  appRoles: AppRoleResource[];
};

export interface ApplicationRecord {
  resource: ApplicationResource;
  /** Epoch ms from which reads see the object (replication delay). */
  visibleAt: number;
  /** Client id of the app that created it, for Application.ReadWrite.OwnedBy. */
  ownerClientId: string | null;
}

export type ServicePrincipalResource = {
  id: string;
  appId: string;
  appDisplayName: string;
  applicationTemplateId: string | null;
  appOwnerOrganizationId: string;
  appRoleAssignmentRequired: boolean;
  accountEnabled: boolean;
  displayName: string;
  deletedDateTime: string | null;
  preferredSingleSignOnMode: string | null;
  publisherName: string;
  servicePrincipalNames: string[];
  servicePrincipalType: string;
  tags: string[];
  appRoles: AppRoleResource[];
};

export type AppRoleAssignmentResource = {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  deletedDateTime: string | null;
  principalDisplayName: string;
  principalId: string;
  principalType: "User" | "Group";
  resourceDisplayName: string;
  resourceId: string;
};

export interface CredentialEntry {
  key: string;
  value: string;
}

export interface ServicePrincipalRecord {
  resource: ServicePrincipalResource;
  visibleAt: number;
  ownerClientId: string | null;
  appRoleAssignedTo: Map<string, AppRoleAssignmentResource>;
  jobs: Map<string, SyncJobRecord>;
  /** Saved synchronization secrets, in the order their keys were first saved. */
  secrets: CredentialEntry[];
  /** Set by the admin API to make saved credentials fail. */
  secretsExpired: boolean;
}

export interface SyncJobRecord {
  /** The job as Graph returns it: id, templateId, schedule, status, synchronizationJobSettings. */
  resource: JsonObject & { id: string; templateId: string; schedule: SyncSchedule; status: SyncStatus };
  schema: JsonObject;
}

export type SyncSchedule = { expiration: string | null; interval: string; state: "Active" | "Disabled" | "Paused" };

export type SyncStatus = {
  code: "NotConfigured" | "NotRun" | "Active" | "Paused" | "Quarantine";
  countSuccessiveCompleteFailures: number;
  escrowsPruned: boolean;
  lastExecution: JsonObject | null;
  lastSuccessfulExecution: JsonObject | null;
  lastSuccessfulExecutionWithExports: JsonObject | null;
  progress: JsonValue[];
  quarantine: JsonObject | null;
  steadyStateFirstAchievedTime: string;
  steadyStateLastAchievedTime: string;
  synchronizedEntryCountByType: { key: string; value: number }[];
  troubleshootingUrl: string | null;
};

/** Shape of crossTenantAccessPolicyConfigurationPartner without its identitySynchronization navigation. */
export type PartnerResource = { tenantId: string } & { [key: string]: JsonValue };

export type IdentitySynchronizationResource = {
  tenantId: string;
  displayName: string | null;
  userSyncInbound: { isSyncAllowed: boolean } | null;
};

/** Epoch ms at which each policy flag last changed, for the propagation delay. */
export interface PolicyChangeTimes {
  inboundAllowed: number;
  outboundAllowed: number;
  isSyncAllowed: number;
}

export interface PartnerRecord {
  resource: PartnerResource;
  identitySynchronization: IdentitySynchronizationResource | null;
  changedAt: PolicyChangeTimes;
}

export type ProvisioningLogResource = JsonObject & { id: string; activityDateTime: string; jobId: string };

export interface TenantDirectory {
  tenantId: string;
  displayName: string;
  /** Verified domains; the first is the initial `*.onmicrosoft.com` domain and the default. */
  domains: string[];
  users: Map<string, UserRecord>;
  groups: Map<string, GroupRecord>;
  applications: Map<string, ApplicationRecord>;
  servicePrincipals: Map<string, ServicePrincipalRecord>;
  partners: Map<string, PartnerRecord>;
  provisioningLogs: ProvisioningLogResource[];
  /** App roles granted to each client id (admin consent). A client without an entry is not consented. */
  grants: Map<string, string[]>;
}
