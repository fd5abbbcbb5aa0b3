import type {
  KeptObject,
  OffboardingChange,
  OffboardingSubject,
  PauseSyncJobInput,
} from "../../shared/offboardingContracts";
import type { TenantPairIds } from "../../shared/onboardingContracts";
import type { TenantObjectRecord } from "../../shared/onboardingResult";
import { type Compensation, planRollback } from "../onboarding/rollbackPlan";

/** The change an offboarding plans for one object or setting, before the call reports whether the object was already gone. */
export type PlannedChange = Omit<OffboardingChange, "alreadyDone">;

/** One activity call of the teardown: a compensating activity of onboarding, or a pause of an adopted job. */
export type TeardownAction =
  | { activity: Compensation["activity"]; input: Compensation["input"]; change: PlannedChange }
  | { activity: "pauseSyncJob"; input: PauseSyncJobInput; change: PlannedChange };

/** Object types that are directory objects (not flags or assignments), listed as kept when they were adopted. */
const KEPT_TYPES: ReadonlySet<TenantObjectRecord["type"]> = new Set([
  "partner",
  "identitySynchronization",
  "application",
  "servicePrincipal",
  "synchronizationJob",
]);

/**
 * Plans the removal of the sync objects in the source, in Graph's teardown order. The jobs go first, so that no
 * cycle runs while their scope changes: deleted when onboarding created them, paused when they existed before (objects
 * that existed before onboarding stay). Then each application onboarding created is deleted with its service
 * principal, which removes their assignments too. An adopted application stays, and only the assignments onboarding
 * made are removed from it. Every record counts, not only the first of a type, so that a record listing an earlier
 * application next to the live one orphans neither.
 */
export function planSyncTeardown(subject: OffboardingSubject, pair: TenantPairIds): TeardownAction[] {
  const records = subject.objects.source;
  const sourceTenantId = pair.sourceTenantId;
  const servicePrincipals = records.filter((record) => record.type === "servicePrincipal");
  const primaryServicePrincipalId = subject.servicePrincipalId ?? servicePrincipals[0]?.id;
  if (primaryServicePrincipalId === undefined) {
    return [];
  }
  const actions: TeardownAction[] = [];

  for (const job of records.filter((record) => record.type === "synchronizationJob")) {
    const servicePrincipalId = detailText(job, "servicePrincipalId") ?? primaryServicePrincipalId;
    const input = { sourceTenantId, servicePrincipalId, jobId: job.id };
    actions.push(
      job.created
        ? { activity: "deleteSyncJob", input, change: change("delete", sourceTenantId, job) }
        : { activity: "pauseSyncJob", input, change: change("pause", sourceTenantId, job) },
    );
  }

  const applications = records.filter((record) => record.type === "application");
  applications.forEach((application, index) => {
    if (application.created) {
      // Onboarding records each application right before its own service principal, so the n-th belong together.
      const servicePrincipalId = servicePrincipals[index]?.id ?? primaryServicePrincipalId;
      actions.push({
        activity: "deleteSyncApplication",
        input: { sourceTenantId, servicePrincipalId, applicationId: application.id },
        change: change("delete", sourceTenantId, application),
      });
    }
  });

  // Deleting the pair's own application removes its assignments. An adopted one loses only those the service made.
  const primaryApplication =
    applications.find((application) => sameId(application.id, subject.applicationId)) ?? applications.at(-1);
  if (primaryApplication?.created !== true) {
    for (const assignment of records.filter((record) => record.type === "appRoleAssignment" && record.created)) {
      actions.push({
        activity: "removeAppRoleAssignment",
        input: { sourceTenantId, servicePrincipalId: primaryServicePrincipalId, assignmentId: assignment.id },
        change: change("unassign", sourceTenantId, assignment),
      });
    }
  }
  return actions;
}

/**
 * Plans the removal of the tenant policies onboarding created and the restoring of the flags it changed, through the
 * rollback plan of onboarding. The source's flags and partner come first. Then, in the target, come the flags, the
 * identity synchronization policy (deleted, or its `isSyncAllowed` restored when it existed before) and the partner.
 */
export function planPolicyTeardown(subject: OffboardingSubject, pair: TenantPairIds): TeardownAction[] {
  const isPolicy = (record: TenantObjectRecord) => record.type === "partner" || record.type === "policyFlag";
  const ledger = { source: subject.objects.source.filter(isPolicy), target: [...subject.objects.target] };
  return planRollback(ledger, pair).map((compensation) => ({
    activity: compensation.activity,
    input: compensation.input,
    change: { ...compensation.item },
  }));
}

/** Lists the objects that existed before onboarding, which the offboarding leaves in place. */
export function listKeptObjects(subject: OffboardingSubject, pair: TenantPairIds): KeptObject[] {
  const kept = (tenantId: string, records: TenantObjectRecord[]) =>
    records
      .filter((record) => !record.created && KEPT_TYPES.has(record.type))
      .map((record) => ({ tenantId, objectType: record.type, id: record.id }));
  return [...kept(pair.sourceTenantId, subject.objects.source), ...kept(pair.targetTenantId, subject.objects.target)];
}

function sameId(id: string, other: string | null): boolean {
  return other !== null && id.toLowerCase() === other.toLowerCase();
}

function detailText(record: TenantObjectRecord, name: string): string | undefined {
  const value = record.detail?.[name];
  return typeof value === "string" ? value : undefined;
}

function change(action: PlannedChange["action"], tenantId: string, record: TenantObjectRecord): PlannedChange {
  return { action, tenantId, objectType: record.type, id: record.id };
}
