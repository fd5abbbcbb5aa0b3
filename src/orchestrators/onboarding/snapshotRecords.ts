import type { AssignPrincipalsOutput, ObjectOutcome, SyncApplication } from "../../shared/onboardingContracts";
import type { TenantObjectRecord } from "../../shared/onboardingResult";
import type { SnapshotApplication, TenantPairSnapshot } from "../../shared/tenantPairSnapshot";
import {
  applicationRecords,
  assignmentRecords,
  identitySynchronizationRecord,
  partnerRecord,
  policyFlagRecord,
  synchronizationJobRecord,
} from "./objectRecords";

/*
 * Ledger records decided by the snapshot taken before the run's first write, not by the activity's own view. An
 * activity that runs again after a crash finds what its first attempt made and reports it adopted. The snapshot
 * still shows that the object was absent before the run, so the run created it.
 */

/** Records the target's partner configuration for the source: created when it was absent before the run. */
export function targetPartnerRecord(
  snapshot: TenantPairSnapshot,
  sourceTenantId: string,
  outcome: ObjectOutcome,
): TenantObjectRecord {
  return partnerRecord(sourceTenantId, { id: outcome.id, created: !snapshot.targetPartner.exists });
}

/** Records the source's partner configuration for the target: created when it was absent before the run. */
export function sourcePartnerRecord(
  snapshot: TenantPairSnapshot,
  targetTenantId: string,
  outcome: ObjectOutcome,
): TenantObjectRecord {
  return partnerRecord(targetTenantId, { id: outcome.id, created: !snapshot.sourcePartner.exists });
}

/** Records the identity synchronization policy with the `isSyncAllowed` it had before the run. */
export function inboundSyncRecord(snapshot: TenantPairSnapshot, sourceTenantId: string): TenantObjectRecord {
  const before = snapshot.identitySynchronization;
  return identitySynchronizationRecord(sourceTenantId, {
    created: !before.exists,
    previousIsSyncAllowed: before.exists ? before.isSyncAllowed : null,
  });
}

/** Records the target's `inboundAllowed`: changed by the run unless it was true before the run. */
export function targetRedemptionRecord(snapshot: TenantPairSnapshot, sourceTenantId: string): TenantObjectRecord {
  return flagRecord(
    sourceTenantId,
    "automaticUserConsentSettings.inboundAllowed",
    snapshot.targetPartner.inboundAllowed,
  );
}

/** Records the source's `outboundAllowed`: changed by the run unless it was true before the run. */
export function sourceRedemptionRecord(snapshot: TenantPairSnapshot, targetTenantId: string): TenantObjectRecord {
  return flagRecord(
    targetTenantId,
    "automaticUserConsentSettings.outboundAllowed",
    snapshot.sourcePartner.outboundAllowed,
  );
}

function flagRecord(partnerTenantId: string, flag: string, previousValue: boolean | null): TenantObjectRecord {
  return policyFlagRecord(partnerTenantId, flag, { changed: previousValue !== true, previousValue });
}

/** Finds the application in the snapshot; undefined means it did not exist before the run. */
export function applicationBefore(
  snapshot: TenantPairSnapshot,
  applicationId: string,
): SnapshotApplication | undefined {
  return snapshot.syncApplications.find((application) => application.applicationId === applicationId);
}

/**
 * Records the sync application and its service principal: both created when the application was absent before the
 * run. An application in place is adopted with its service principal, because the create step never makes a service
 * principal for an existing application.
 */
export function syncApplicationRecords(
  snapshot: TenantPairSnapshot,
  application: SyncApplication,
): TenantObjectRecord[] {
  const created = applicationBefore(snapshot, application.applicationId) === undefined;
  return applicationRecords({ ...application, created });
}

/**
 * Records the sync job: created when its application was created by the run, or when the job id was not on the
 * service principal before the run.
 *
 * NOTE: when the snapshot could not read the jobs (the service principal was not visible yet), the activity's own
 * view decides, so a crash right after the create can still record the job as adopted.
 */
export function syncJobRecord(
  snapshot: TenantPairSnapshot,
  application: SyncApplication,
  job: ObjectOutcome,
): TenantObjectRecord {
  const before = applicationBefore(snapshot, application.applicationId);
  let created: boolean;
  if (before === undefined) {
    created = true;
  } else if (before.jobIds === null) {
    created = job.created;
  } else {
    created = !before.jobIds.includes(job.id);
  }
  return synchronizationJobRecord(application.servicePrincipalId, { id: job.id, created });
}

/**
 * Records the app role assignments: each created when its application was created by the run, or when the assignment
 * id was not on the service principal before the run. Unreadable assignments fall back to the activity's view, as
 * for the job.
 */
export function principalAssignmentRecords(
  snapshot: TenantPairSnapshot,
  application: SyncApplication,
  output: AssignPrincipalsOutput,
): TenantObjectRecord[] {
  const before = applicationBefore(snapshot, application.applicationId);
  const existingIds = new Set(before?.assignments?.map((assignment) => assignment.assignmentId.toLowerCase()));
  const assignments = output.assignments.map((assignment) => {
    let created: boolean;
    if (before === undefined) {
      created = true;
    } else if (before.assignments === null) {
      created = assignment.created;
    } else {
      created = !existingIds.has(assignment.assignmentId.toLowerCase());
    }
    return { ...assignment, created };
  });
  return assignmentRecords({ assignments });
}

/** Lists the sync applications that existed before the run, which the duplicate check never deletes. */
export function preexistingApplicationIds(snapshot: TenantPairSnapshot): string[] {
  return snapshot.syncApplications.map((application) => application.applicationId);
}
