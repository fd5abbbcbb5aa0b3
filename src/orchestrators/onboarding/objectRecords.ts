import type {
  AllowInboundSyncOutput,
  AssignPrincipalsOutput,
  FlagOutcome,
  ObjectOutcome,
  RemovedSyncApplication,
  SyncApplication,
  TenantInfo,
} from "../../shared/onboardingContracts";
import type { FirstCycleReport, OnboardingResult, TenantObjectRecord } from "../../shared/onboardingResult";

/**
 * Objects a run created or adopted, per tenant, in the order the steps touched them. A compensation step would undo
 * the records with `created: true` in reverse order.
 */
export interface ObjectLedger {
  target: TenantObjectRecord[];
  source: TenantObjectRecord[];
}

export function createObjectLedger(): ObjectLedger {
  return { target: [], source: [] };
}

/** Records a partner configuration, keyed by the other tenant's id. */
export function partnerRecord(partnerTenantId: string, outcome: ObjectOutcome): TenantObjectRecord {
  return { type: "partner", id: outcome.id || partnerTenantId, created: outcome.created };
}

/** Records the target's identity synchronization policy, keyed by the source tenant's id. */
export function identitySynchronizationRecord(
  sourceTenantId: string,
  outcome: AllowInboundSyncOutput,
): TenantObjectRecord {
  return {
    type: "identitySynchronization",
    id: sourceTenantId,
    created: outcome.created,
    detail: { previousIsSyncAllowed: outcome.previousIsSyncAllowed },
  };
}

/** Records a flag under a partner configuration, e.g. `automaticUserConsentSettings.inboundAllowed`. */
export function policyFlagRecord(partnerTenantId: string, flag: string, outcome: FlagOutcome): TenantObjectRecord {
  return {
    type: "policyFlag",
    id: `partners/${partnerTenantId}/${flag}`,
    created: outcome.changed,
    detail: { previousValue: outcome.previousValue },
  };
}

export function applicationRecords(application: SyncApplication): TenantObjectRecord[] {
  return [
    {
      type: "application",
      id: application.applicationId,
      created: application.created,
      detail: { appId: application.appId },
    },
    { type: "servicePrincipal", id: application.servicePrincipalId, created: application.created },
  ];
}

export function synchronizationJobRecord(servicePrincipalId: string, job: ObjectOutcome): TenantObjectRecord {
  return { type: "synchronizationJob", id: job.id, created: job.created, detail: { servicePrincipalId } };
}

export function assignmentRecords(output: AssignPrincipalsOutput): TenantObjectRecord[] {
  return output.assignments.map((assignment) => ({
    type: "appRoleAssignment",
    id: assignment.assignmentId,
    created: assignment.created,
    detail: { principalId: assignment.principalId, principalType: assignment.principalType },
  }));
}

export function buildOnboardingResult(
  tenants: { source: TenantInfo; target: TenantInfo },
  configurationName: string,
  ledger: ObjectLedger,
  firstCycle: FirstCycleReport,
): OnboardingResult {
  return {
    source: { ...tenants.source },
    target: { ...tenants.target },
    configurationName,
    objects: { target: [...ledger.target], source: [...ledger.source] },
    firstCycle,
  };
}

/** Short text for a step record, e.g. "created partner 1f0c…" or "2 created, 1 adopted". */
export function describeRecords(records: readonly TenantObjectRecord[]): string {
  if (records.length === 0) {
    return "nothing to change";
  }
  const created = records.filter((record) => record.created).length;
  if (records.length === 1) {
    const [record] = records;
    return `${recordVerb(record?.type, created === 1)} ${record?.type} ${record?.id}`;
  }
  return `${created} created, ${records.length - created} adopted`;
}

/** Short text for the duplicate check's step record, e.g. "deleted 1 duplicate application made by this run: …". */
export function describeRemovedDuplicates(removed: readonly RemovedSyncApplication[]): string {
  if (removed.length === 0) {
    return "no duplicate application";
  }
  const names = removed.map((duplicate) => `${duplicate.applicationId} (appId ${duplicate.appId})`).join(", ");
  return `deleted ${removed.length} duplicate application${removed.length === 1 ? "" : "s"} made by this run: ${names}`;
}

function recordVerb(type: TenantObjectRecord["type"] | undefined, created: boolean): string {
  if (type === "policyFlag") {
    return created ? "set" : "already set";
  }
  return created ? "created" : "adopted";
}
