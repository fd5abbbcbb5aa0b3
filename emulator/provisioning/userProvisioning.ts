import type { EmulatorState } from "../state/emulatorState";
import type { ProvisioningLogResource, ServicePrincipalRecord, TenantDirectory, UserResource } from "../state/model";
import type { UserMapping } from "./attributeMappings";
import { type LogEntryInput, type ProvisioningAction, writeProvisioningLog } from "./provisioningLog";
import { createSyncedUser, findSyncedUser, updateSyncedUser } from "./targetUsers";

/** Inputs for provisioning one user: the job, both tenants and the job's attribute mappings. */
export interface UserProvisioningContext {
  state: EmulatorState;
  source: TenantDirectory;
  target: TenantDirectory;
  sp: ServicePrincipalRecord;
  jobId: string;
  cycleId: string;
  mappings: UserMapping[];
}

type Identity = { id: string; displayName: string };

/**
 * Brings one source user's target counterpart in line: creates it for an enabled user in scope, updates changed
 * mapped attributes, or deletes it once the user has left scope. Writes a provisioning log entry for each action
 * and returns it, or returns undefined when nothing had to change.
 */
export function provisionUser(
  context: UserProvisioningContext,
  user: UserResource,
  inScope: boolean,
): ProvisioningLogResource | undefined {
  const { state, source, target, sp, jobId, cycleId, mappings } = context;
  const log = (action: ProvisioningAction, to: Identity | null, extra: Partial<LogEntryInput> = {}) => {
    const entry: LogEntryInput = { jobId, cycleId, action, status: "success", source: user, target: to, ...extra };
    return writeProvisioningLog(source, sp, entry, state.now());
  };
  const existing = findSyncedUser(target, source.tenantId, user.id);
  if (!inScope) {
    if (existing === undefined) {
      return undefined;
    }
    // NOTE: Entra soft-deletes the B2B user (restorable for 30 days); the emulator removes it.
    target.users.delete(existing.resource.id);
    return log("delete", existing.resource);
  }
  if (existing === undefined && !user.accountEnabled) {
    const reason = "The source user is disabled, so no account is created in the target.";
    return log("other", null, { status: "skipped", error: { code: "SkippedDisabledUser", reason } });
  }
  if (existing === undefined) {
    const created = createSyncedUser(target, source.tenantId, user, mappings, state.now());
    return log("create", created.resource);
  }
  const changes = updateSyncedUser(existing, user, mappings);
  return changes.length === 0 ? undefined : log("update", existing.resource, { modifiedProperties: changes });
}
