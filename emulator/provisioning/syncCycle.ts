import { randomUUID } from "node:crypto";
import type { EmulatorState } from "../state/emulatorState";
import type { JsonObject, ServicePrincipalRecord, SyncJobRecord, TenantDirectory } from "../state/model";
import { checkSyncCredentials } from "../sync/credentialCheck";
import { credentialValue } from "../sync/credentials";
import { graphTime, NEVER, quarantineJob } from "../sync/jobModel";
import { userMappingsOf } from "./attributeMappings";
import { writeProvisioningLog } from "./provisioningLog";
import { usersInScope } from "./scope";
import { findSyncedUser, syncedUsersFrom } from "./targetUsers";
import { provisionUser } from "./userProvisioning";

/** Successive complete failures after which a job goes to quarantine. */
export const QUARANTINE_AFTER_FAILURES = 3;

interface CycleContext {
  state: EmulatorState;
  source: TenantDirectory;
  sp: ServicePrincipalRecord;
  job: SyncJobRecord;
  cycleId: string;
  began: number;
}

function execution(
  context: CycleContext,
  counts: { entitled: number; exported: number },
  error: JsonObject | null,
): JsonObject {
  return {
    activityIdentifier: context.cycleId,
    countEntitled: counts.entitled,
    countEntitledForProvisioning: counts.entitled,
    countEscrowed: 0,
    countEscrowedRaw: 0,
    countExported: counts.exported,
    countExports: counts.exported,
    countImported: counts.entitled,
    countImportedDeltas: counts.entitled,
    countImportedReferenceDeltas: 0,
    error,
    state: error === null ? "Succeeded" : "Failed",
    timeBegan: graphTime(context.began),
    timeEnded: graphTime(context.state.now()),
  };
}

/** Fails a whole cycle: one failure log entry per user in scope, then the failure count and maybe quarantine. */
function failCycle(context: CycleContext, target: TenantDirectory | undefined, code: string, message: string): void {
  const { source, sp, job, cycleId } = context;
  const now = context.state.now();
  for (const user of usersInScope(source, sp)) {
    const reason = `The user could not be provisioned. ${message}`;
    const synced = target === undefined ? undefined : findSyncedUser(target, source.tenantId, user.resource.id);
    const targetIdentity = { id: synced?.resource.id ?? "", displayName: user.resource.displayName };
    const entry = { jobId: job.resource.id, cycleId, status: "failure" as const, error: { code, reason } };
    const action = synced === undefined ? "create" : "update";
    writeProvisioningLog(source, sp, { ...entry, action, source: user.resource, target: targetIdentity }, now);
  }
  const error: JsonObject = { code, message, tenantActionable: true };
  const status = job.resource.status;
  status.lastExecution = execution(context, { entitled: 0, exported: 0 }, error);
  status.countSuccessiveCompleteFailures += 1;
  if (status.countSuccessiveCompleteFailures >= QUARANTINE_AFTER_FAILURES) {
    quarantineJob(job, "EncounteredQuarantineException", error, now);
  }
}

/** Provisions every user in scope and deletes counterparts of users that left it; returns the exported count. */
function provisionUsers(context: CycleContext, target: TenantDirectory): number {
  const { state, source, sp, job, cycleId } = context;
  const inScope = usersInScope(source, sp);
  const inScopeIds = new Set(inScope.map((user) => user.resource.id));
  const mappings = userMappingsOf(job.schema, source);
  const userContext = { state, source, target, sp, jobId: job.resource.id, cycleId, mappings };
  let exported = 0;
  for (const user of inScope) {
    const entry = provisionUser(userContext, user.resource, true);
    exported += entry === undefined || entry.provisioningAction === "other" ? 0 : 1;
  }
  for (const synced of syncedUsersFrom(target, source.tenantId)) {
    const sourceId = synced.syncSource?.sourceId ?? "";
    if (!inScopeIds.has(sourceId)) {
      const sourceUser = source.users.get(sourceId)?.resource ?? { ...synced.resource, id: sourceId };
      exported += provisionUser(userContext, sourceUser, false) === undefined ? 0 : 1;
    }
  }
  return exported;
}

/**
 * Runs one sync cycle of a job: checks credentials and cross-tenant policies, then provisions the users in scope.
 * A failed check fails the whole cycle; the third successive complete failure puts the job in quarantine.
 */
export function runSyncCycle(
  state: EmulatorState,
  source: TenantDirectory,
  sp: ServicePrincipalRecord,
  job: SyncJobRecord,
): void {
  const context: CycleContext = { state, source, sp, job, cycleId: randomUUID(), began: state.now() };
  const check = checkSyncCredentials(state, source.tenantId, sp.secrets, sp.secretsExpired);
  const target = state.tenants.get((credentialValue(sp.secrets, "CompanyId") ?? "").toLowerCase());
  if (!check.ok || target === undefined) {
    const failure = check.ok ? { code: "InvalidCredentials", message: "The target tenant was not found." } : check;
    failCycle(context, target, failure.code, failure.message);
    return;
  }
  const exported = provisionUsers(context, target);
  const status = job.resource.status;
  const entitled = usersInScope(source, sp).length;
  const lastExecution = execution(context, { entitled, exported }, null);
  status.lastExecution = lastExecution;
  status.lastSuccessfulExecution = lastExecution;
  if (exported > 0) {
    status.lastSuccessfulExecutionWithExports = lastExecution;
  }
  status.countSuccessiveCompleteFailures = 0;
  const ended = graphTime(state.now());
  if (status.steadyStateFirstAchievedTime === NEVER) {
    status.steadyStateFirstAchievedTime = ended;
  }
  status.steadyStateLastAchievedTime = ended;
  const synchronizedUsers = syncedUsersFrom(target, source.tenantId).length;
  status.synchronizedEntryCountByType = [{ key: "user to user", value: synchronizedUsers }];
}
