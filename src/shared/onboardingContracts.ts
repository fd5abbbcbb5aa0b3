/**
 * Inputs and outputs of the onboarding activities. Everything here is stored in orchestration history in plain
 * text, so no type may hold a secret, token or credential.
 */

export interface TenantInfo {
  tenantId: string;
  displayName: string;
  defaultDomainName: string;
}

/** A tenant pair by ids, after resolution. */
export interface TenantPairIds {
  sourceTenantId: string;
  targetTenantId: string;
}

export interface ResolveTenantsInput {
  /** Tenant id (GUID) or verified domain name, as the caller wrote it. */
  source: string;
  target: string;
}

export interface ResolveTenantsOutput {
  source: TenantInfo;
  target: TenantInfo;
}

/** A directory object that a step created or found in place and adopted. */
export interface ObjectOutcome {
  id: string;
  created: boolean;
}

/** A boolean policy flag that a step set to true, with its value before the step (null = inherited default). */
export interface FlagOutcome {
  changed: boolean;
  previousValue: boolean | null;
}

/** Input of the partner steps: `tenantId` is where the call runs, `partnerTenantId` the other tenant. */
export interface PartnerStepInput {
  tenantId: string;
  partnerTenantId: string;
}

export interface AllowInboundSyncInput extends TenantPairIds {
  /** Display name written on the identity synchronization policy. */
  displayName: string;
}

export interface AllowInboundSyncOutput {
  created: boolean;
  /** `isSyncAllowed` before the step when the policy existed, else null. */
  previousIsSyncAllowed: boolean | null;
}

export interface CreateSyncApplicationInput extends TenantPairIds {
  configurationName: string;
}

export interface SyncApplication {
  /** Object id of the application. */
  applicationId: string;
  appId: string;
  servicePrincipalId: string;
  created: boolean;
}

export interface RemoveDuplicateSyncApplicationsInput {
  sourceTenantId: string;
  configurationName: string;
  /** Object id of the application the run keeps; it is never deleted. */
  keepApplicationId: string;
  /** ISO 8601 start time of the run. Only applications created at or after it are duplicates of this run. */
  createdSince: string;
  /** Object ids of the applications that the run's snapshot found before its first write; they are never deleted. */
  preexistingApplicationIds: string[];
}

/** A second sync application that an earlier attempt of the create step made, and that has been deleted. */
export interface RemovedSyncApplication {
  applicationId: string;
  appId: string;
  /** Null when no service principal was visible by `appId`; Graph deletes it with the application then. */
  servicePrincipalId: string | null;
}

export interface RemoveDuplicateSyncApplicationsOutput {
  removed: RemovedSyncApplication[];
}

export interface ServicePrincipalInput {
  sourceTenantId: string;
  servicePrincipalId: string;
}

/** Result of one readiness probe: `ready` is false while the service principal still answers 404. */
export interface ReadServicePrincipalOutput {
  ready: boolean;
  /** Id of the `msiam_access` app role, present when ready. */
  appRoleId?: string;
  /** Graph's error code of the read, when not ready, e.g. `Request_ResourceNotFound` or `Authorization_RequestDenied`. */
  graphCode?: string;
}

export interface ValidateSyncCredentialsInput extends TenantPairIds {
  servicePrincipalId: string;
}

/**
 * Result of one validation attempt. A policy-check failure is an expected state while policies propagate, so it is
 * returned for the orchestrator to retry with durable timers; any other error is thrown.
 */
export type ValidateSyncCredentialsOutput = { valid: true } | { valid: false; code: string; message: string };

export interface SyncJobInput extends ServicePrincipalInput {
  jobId: string;
}

export interface SaveSyncSecretsInput extends TenantPairIds {
  servicePrincipalId: string;
}

export interface AssignPrincipalsInput extends ServicePrincipalInput {
  appRoleId: string;
  users: string[];
  groups: string[];
}

export interface PrincipalAssignment {
  principalId: string;
  principalType: "User" | "Group";
  assignmentId: string;
  created: boolean;
}

export interface AssignPrincipalsOutput {
  assignments: PrincipalAssignment[];
}

/** The parts of a synchronization job's status that onboarding and health checks read. */
export interface SyncJobStatus {
  jobId: string;
  scheduleState: string;
  statusCode: string;
  countSuccessiveCompleteFailures: number;
  lastExecution: SyncExecution | null;
  lastSuccessfulExecution: SyncExecution | null;
  quarantine: { reason: string; errorCode: string | null; errorMessage: string | null } | null;
}

export interface SyncExecution {
  state: string;
  timeBegan: string | null;
  timeEnded: string | null;
  countEntitled: number;
  countExported: number;
  countEscrowed: number;
  errorCode: string | null;
}

/**
 * Result of a compensating activity. `alreadyUndone` means the object was gone (Graph returned 404) or the setting
 * already had its earlier value, so the activity changed nothing.
 */
export interface CompensationOutput {
  alreadyUndone: boolean;
}

export interface RemoveAppRoleAssignmentInput extends ServicePrincipalInput {
  assignmentId: string;
}

export interface DeleteSyncApplicationInput extends ServicePrincipalInput {
  /** Object id of the application. */
  applicationId: string;
}

/** A member of a partner's `automaticUserConsentSettings`. */
export type ConsentFlag = "inboundAllowed" | "outboundAllowed";

export interface RestorePartnerFlagInput extends PartnerStepInput {
  flag: ConsentFlag;
  /** Value to write back; null makes the partner inherit the default again. */
  previousValue: boolean | null;
}

export type RemoveIdentitySynchronizationInput = TenantPairIds;

export interface RestoreInboundSyncInput extends TenantPairIds {
  /** `isSyncAllowed` before the onboarding changed it; null when the policy had no value, which means not allowed. */
  previousIsSyncAllowed: boolean | null;
}

/** Input of the read-only check that every requested user and group exists in the source tenant. */
export interface VerifyScopePrincipalsInput {
  sourceTenantId: string;
  users: string[];
  groups: string[];
}

/** Counts of the principals found, each id counted once. */
export interface VerifyScopePrincipalsOutput {
  users: number;
  /** Users whose `userType` is `Guest`. */
  guestUsers: number;
  /** Users whose `accountEnabled` is false. */
  disabledUsers: number;
  groups: number;
}
