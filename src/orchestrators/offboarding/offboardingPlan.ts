import type {
  KeptObject,
  OffboardingChange,
  OffboardingSubject,
  PauseSyncJobInput,
} from "../../shared/offboardingContracts";
import type { TenantPairIds } from "../../shared/onboardingContracts";
import type { TenantObjectRecord } from "../../shared/onboardingResult";
import { type Compensation, planRollback } from "../onboarding/rollbackPlan";

/** What an offboarding does to one object or setting, before the call reports whether the object was already gone. */
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
 * Plans the removal of the sync objects in the source, in Graph's teardown order. The job goes first, so that no
 * cycle runs while its scope changes: deleted when onboarding created it, paused when it existed before (objects
 * that existed before onboarding stay). Then the service principal and application are deleted when onboarding
 * created the application, which removes their assignments too. An adopted application stays, and only the
 * assignments onboarding made are removed from it.
 */
export function planSyncTeardown(subject: OffboardingSubject, pair: TenantPairIds): TeardownAction[] {
  const records = subject.objects.source;
  const sourceTenantId = pair.sourceTenantId;
  const servicePrincipalId =
    subject.servicePrincipalId ?? records.find((record) => record.type === "servicePrincipal")?.id;
  if (servicePrincipalId === undefined) {
    return [];
  }
  const actions: TeardownAction[] = [];
  const job = records.find((record) => record.type === "synchronizationJob");
  if (job !== undefined) {
    const input = { sourceTenantId, servicePrincipalId, jobId: job.id };
    actions.push(
      job.created
        ? { activity: "deleteSyncJob", input, change: change("delete", sourceTenantId, job) }
        : { activity: "pauseSyncJob", input, change: change("pause", sourceTenantId, job) },
    );
  }
  const application = records.find((record) => record.type === "application");
  if (application?.created === true) {
    actions.push({
      activity: "deleteSyncApplication",
      input: { sourceTenantId, servicePrincipalId, applicationId: application.id },
      change: change("delete", sourceTenantId, application),
    });
    return actions;
  }
  for (const assignment of records.filter((record) => record.type === "appRoleAssignment" && record.created)) {
    actions.push({
      activity: "removeAppRoleAssignment",
      input: { sourceTenantId, servicePrincipalId, assignmentId: assignment.id },
      change: change("unassign", sourceTenantId, assignment),
    });
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

function change(action: PlannedChange["action"], tenantId: string, record: TenantObjectRecord): PlannedChange {
  return { action, tenantId, objectType: record.type, id: record.id };
}
