import { randomUUID } from "node:crypto";
import { badRequest, GraphError, resourceNotFound } from "../http/graphError";
import type { EmulatorState } from "../state/emulatorState";
import type { ServicePrincipalRecord, SyncJobRecord, TenantDirectory, UserResource } from "../state/model";
import { checkSyncCredentials } from "../sync/credentialCheck";
import { credentialValue } from "../sync/credentials";
import { userMappingsOf } from "./attributeMappings";
import { writeProvisioningLog } from "./provisioningLog";
import { usersInScope } from "./scope";
import { provisionUser } from "./userProvisioning";

/** Graph allows this many on-demand calls per job in each window. */
const ON_DEMAND_LIMIT = 5;
const ON_DEMAND_WINDOW_MS = 10_000;

/** Times of recent on-demand calls, per job. */
const recentCalls = new WeakMap<SyncJobRecord, number[]>();

function ruleIds(job: SyncJobRecord): string[] {
  const rules = Array.isArray(job.schema.synchronizationRules) ? job.schema.synchronizationRules : [];
  const ids: string[] = [];
  for (const rule of rules) {
    if (typeof rule === "object" && rule !== null && !Array.isArray(rule) && typeof rule.id === "string") {
      ids.push(rule.id);
    }
  }
  return ids;
}

/** Reads the one user subject of a provisionOnDemand body, checking the rule id against the job schema. */
function parseSubject(job: SyncJobRecord, body: Record<string, unknown>): string {
  const parameters = body.parameters;
  if (!Array.isArray(parameters) || parameters.length !== 1) {
    throw badRequest("Property 'parameters' must hold exactly one {ruleId, subjects} entry.");
  }
  const parameter = parameters[0] as Record<string, unknown> | null;
  const ruleId = parameter?.ruleId;
  if (typeof ruleId !== "string" || !ruleIds(job).includes(ruleId)) {
    throw badRequest(`Rule '${String(ruleId)}' is not a rule of the job's schema. Use the id of USER_INBOUND_USER.`);
  }
  const subjects = parameter?.subjects;
  if (!Array.isArray(subjects) || subjects.length !== 1) {
    throw badRequest("Property 'subjects' must hold exactly one {objectId, objectTypeName} entry.");
  }
  const subject = subjects[0] as Record<string, unknown> | null;
  if (subject?.objectTypeName !== "User" || typeof subject.objectId !== "string") {
    throw badRequest("Only subjects with objectTypeName 'User' and a string objectId can be provisioned on demand.");
  }
  return subject.objectId.toLowerCase();
}

function enforceRateLimit(job: SyncJobRecord, now: number): void {
  const calls = (recentCalls.get(job) ?? []).filter((time) => now - time < ON_DEMAND_WINDOW_MS);
  if (calls.length >= ON_DEMAND_LIMIT) {
    const retryAfter = Math.ceil((ON_DEMAND_WINDOW_MS - (now - (calls[0] ?? now))) / 1000);
    const message = `At most ${ON_DEMAND_LIMIT} on-demand provisioning calls are allowed per job in 10 seconds.`;
    throw new GraphError(429, "TooManyRequests", message, [], { "Retry-After": String(Math.max(retryAfter, 1)) });
  }
  recentCalls.set(job, [...calls, now]);
}

/**
 * Provisions one user now, outside the cycle schedule, and returns Graph's double-encoded result.
 * NOTE: Graph does not document the members of the encoded `key` and `value` strings. The emulator puts the subject
 * in `key` and the provisioning log entry in `value`.
 */
export function provisionOnDemand(
  state: EmulatorState,
  source: TenantDirectory,
  sp: ServicePrincipalRecord,
  job: SyncJobRecord,
  body: Record<string, unknown>,
): { key: string; value: string } {
  const objectId = parseSubject(job, body);
  const user: UserResource | undefined = source.users.get(objectId)?.resource;
  if (user === undefined) {
    throw resourceNotFound(objectId);
  }
  enforceRateLimit(job, state.now());
  const cycleId = randomUUID();
  const check = checkSyncCredentials(state, source.tenantId, sp.secrets, sp.secretsExpired);
  const target = state.tenants.get((credentialValue(sp.secrets, "CompanyId") ?? "").toLowerCase());
  const base = { jobId: job.resource.id, cycleId, source: user, action: "other" as const, target: null };
  let entry;
  if (!check.ok || target === undefined) {
    const error = check.ok
      ? { code: "InvalidCredentials", reason: "The target tenant was not found." }
      : { code: check.code, reason: check.message };
    entry = writeProvisioningLog(source, sp, { ...base, status: "failure", error }, state.now());
  } else {
    const inScope = usersInScope(source, sp).some((candidate) => candidate.resource.id === objectId);
    const mappings = userMappingsOf(job.schema, source);
    entry = provisionUser({ state, source, target, sp, jobId: job.resource.id, cycleId, mappings }, user, inScope);
    if (entry === undefined) {
      const reason = inScope ? "The target user is already up to date." : "The user is not in the job's scope.";
      const error = { code: inScope ? "RedundantExport" : "NotEffectivelyEntitled", reason };
      entry = writeProvisioningLog(source, sp, { ...base, status: "skipped", error }, state.now());
    }
  }
  return { key: JSON.stringify({ objectId, objectTypeName: "User" }), value: JSON.stringify(entry) };
}
