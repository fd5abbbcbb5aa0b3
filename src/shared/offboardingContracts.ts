import type { SyncJobInput, SyncJobStatus, TenantPairIds } from "./onboardingContracts";
import type { TenantObjectRecord, TenantObjectType } from "./onboardingResult";

/**
 * Inputs and outputs of the offboarding activities. Everything here is stored in orchestration history in plain
 * text, so no type may hold a secret, token or credential.
 */

export interface MarkOffboardingInput extends TenantPairIds {
  instanceId: string;
  keepSyncedUsers: boolean;
}

/** The registry's record of the pair's synchronization objects, read when the offboarding starts. */
export interface OffboardingSubject {
  applicationId: string | null;
  servicePrincipalId: string | null;
  jobId: string | null;
  objects: { source: TenantObjectRecord[]; target: TenantObjectRecord[] };
}

/** Result of removing every app role assignment of the sync service principal. */
export interface UnassignAllPrincipalsOutput {
  /** False when the service principal is gone (Graph returned 404), so nothing was assigned any more. */
  servicePrincipalFound: boolean;
  /** Assignments this call removed; those already gone when deleted are not counted. */
  removedCount: number;
}

export interface ReadDeprovisioningInput extends SyncJobInput {
  /** ISO 8601 time after which the users were unassigned; provisioning log entries from then on are counted. */
  since: string;
}

/** Graph's facts about how far sync cycles have removed the synced users. */
export interface DeprovisioningProgress {
  /** Null when the job or its service principal is gone (Graph returned 404). */
  job: SyncJobStatus | null;
  /** Sum of the job's `synchronizedEntryCountByType`; null when Graph reports no counts. */
  synchronizedCount: number | null;
  /** Successful `delete` provisioning log entries of the job since `since`, from the newest page of 500. */
  deletedCount: number;
}

export type PauseSyncJobInput = SyncJobInput;

/** The change an offboarding made to one object or setting. `alreadyDone` means it was gone or restored before. */
export interface OffboardingChange {
  action: "unassign" | "delete" | "restore" | "pause";
  tenantId: string;
  objectType: TenantObjectType;
  id: string;
  alreadyDone: boolean;
}

/** An object that existed before onboarding, so the offboarding left it in place. */
export interface KeptObject {
  tenantId: string;
  objectType: TenantObjectType;
  id: string;
}

/** The outcome of the wait for deprovisioning. */
export interface DeprovisioningReport {
  /** `removed`: a cycle ran after the unassignment and no synced entry is left; `noJob`: there was no job to wait for. */
  outcome: "removed" | "noJob";
  deletedCount: number;
  synchronizedCount: number | null;
}

/** Output of a completed `offboardTenantPair` orchestration; the registry keeps it in the pair's record too. */
export interface OffboardingResult extends TenantPairIds {
  keepSyncedUsers: boolean;
  /** Assignments removed from the sync service principal before the wait; 0 when the users were kept. */
  unassignedCount: number;
  /** Null when the request kept the synced users. */
  deprovisioning: DeprovisioningReport | null;
  changes: OffboardingChange[];
  kept: KeptObject[];
}

export interface MarkOffboardedInput extends TenantPairIds {
  instanceId: string;
  result: OffboardingResult;
}

export interface RecordOffboardingFailureInput extends TenantPairIds {
  instanceId: string;
  step: string;
  message: string;
  graphCode?: string;
  requestId?: string;
}
