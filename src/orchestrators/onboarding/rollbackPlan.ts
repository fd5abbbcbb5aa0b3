import type { ConsentFlag, TenantPairIds } from "../../shared/onboardingContracts";
import type { TenantObjectRecord, TenantObjectType } from "../../shared/onboardingResult";
import type { RollbackAction, RollbackItem } from "../../shared/rollbackStatus";
import type { OnboardingActivities } from "./activityTypes";
import type { ObjectLedger } from "./objectRecords";

type CompensationActivityName =
  | "removeAppRoleAssignment"
  | "deleteSyncJob"
  | "deleteSyncApplication"
  | "restorePartnerFlag"
  | "removeIdentitySynchronization"
  | "restoreInboundSync"
  | "deletePartner";

/** Rollback item of an object or setting that the run recorded in its ledger. */
export type RecordedRollbackItem = RollbackItem & {
  action: Exclude<RollbackAction, "deprovision">;
  objectType: TenantObjectType;
};

/** One compensating activity call and the object or setting it undoes. */
export type Compensation = {
  [N in CompensationActivityName]: { activity: N; input: OnboardingActivities[N]["input"]; item: RecordedRollbackItem };
}[CompensationActivityName];

const FLAG_ID = /^partners\/([^/]+)\/automaticUserConsentSettings\.(inboundAllowed|outboundAllowed)$/;

/**
 * Plans the compensations that undo what a run created or changed, in reverse order of the forward steps. Every
 * target step runs before every source step, so the source records come first, each list reversed. That order follows
 * Graph's teardown order: unassign, delete the job, delete the service principal and application, delete the identity
 * synchronization policy, then the partner. Records with `created: false` were adopted and are left alone, except an
 * adopted identity synchronization policy whose `isSyncAllowed` the run changed, which is restored.
 */
export function planRollback(ledger: ObjectLedger, pair: TenantPairIds): Compensation[] {
  const servicePrincipalId = [...ledger.source].reverse().find((record) => record.type === "servicePrincipal")?.id;
  const source = [...ledger.source]
    .reverse()
    .flatMap((record) => sourceCompensation(record, pair, servicePrincipalId) ?? []);
  const target = [...ledger.target].reverse().flatMap((record) => targetCompensation(record, pair) ?? []);
  return [...source, ...target];
}

function sourceCompensation(
  record: TenantObjectRecord,
  pair: TenantPairIds,
  servicePrincipalId: string | undefined,
): Compensation | undefined {
  const sourceTenantId = pair.sourceTenantId;
  if (!record.created) {
    return undefined;
  }
  switch (record.type) {
    case "appRoleAssignment":
      return {
        activity: "removeAppRoleAssignment",
        input: { sourceTenantId, servicePrincipalId: required(servicePrincipalId, record), assignmentId: record.id },
        item: item("unassign", sourceTenantId, record),
      };
    case "synchronizationJob":
      return {
        activity: "deleteSyncJob",
        input: { sourceTenantId, servicePrincipalId: detailString(record, "servicePrincipalId"), jobId: record.id },
        item: item("delete", sourceTenantId, record),
      };
    case "application":
      return {
        activity: "deleteSyncApplication",
        input: { sourceTenantId, servicePrincipalId: required(servicePrincipalId, record), applicationId: record.id },
        item: item("delete", sourceTenantId, record),
      };
    case "servicePrincipal":
      // Deleted together with its application, by the application's compensation.
      return undefined;
    default:
      return partnerCompensation(record, sourceTenantId);
  }
}

function targetCompensation(record: TenantObjectRecord, pair: TenantPairIds): Compensation | undefined {
  if (record.type !== "identitySynchronization") {
    return record.created ? partnerCompensation(record, pair.targetTenantId) : undefined;
  }
  const policyInput = { sourceTenantId: pair.sourceTenantId, targetTenantId: pair.targetTenantId };
  if (record.created) {
    return {
      activity: "removeIdentitySynchronization",
      input: policyInput,
      item: item("delete", pair.targetTenantId, record),
    };
  }
  const previousIsSyncAllowed = detailBoolean(record, "previousIsSyncAllowed");
  if (previousIsSyncAllowed === true) {
    return undefined;
  }
  return {
    activity: "restoreInboundSync",
    input: { ...policyInput, previousIsSyncAllowed },
    item: item("restore", pair.targetTenantId, record),
  };
}

/** Compensation of a created partner or a changed flag under a partner, in the tenant `tenantId`. */
function partnerCompensation(record: TenantObjectRecord, tenantId: string): Compensation | undefined {
  if (record.type === "partner") {
    return {
      activity: "deletePartner",
      input: { tenantId, partnerTenantId: record.id },
      item: item("delete", tenantId, record),
    };
  }
  if (record.type !== "policyFlag") {
    throw new Error(`A rollback cannot undo a ${record.type} record in tenant ${tenantId}.`);
  }
  const match = FLAG_ID.exec(record.id);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`Policy flag record '${record.id}' does not name an automaticUserConsentSettings flag.`);
  }
  return {
    activity: "restorePartnerFlag",
    input: {
      tenantId,
      partnerTenantId: match[1],
      flag: match[2] as ConsentFlag,
      previousValue: detailBoolean(record, "previousValue"),
    },
    item: item("restore", tenantId, record),
  };
}

function item(
  action: RecordedRollbackItem["action"],
  tenantId: string,
  record: TenantObjectRecord,
): RecordedRollbackItem {
  return { action, tenantId, objectType: record.type, id: record.id };
}

function required(servicePrincipalId: string | undefined, record: TenantObjectRecord): string {
  if (servicePrincipalId === undefined) {
    throw new Error(`The ${record.type} record ${record.id} has no service principal record before it.`);
  }
  return servicePrincipalId;
}

function detailString(record: TenantObjectRecord, name: string): string {
  const value = record.detail?.[name];
  if (typeof value !== "string") {
    throw new Error(`The ${record.type} record ${record.id} has no '${name}' detail.`);
  }
  return value;
}

/** Reads a boolean-or-null detail; a missing or non-boolean value is null (inherited). */
function detailBoolean(record: TenantObjectRecord, name: string): boolean | null {
  const value = record.detail?.[name];
  return typeof value === "boolean" ? value : null;
}
