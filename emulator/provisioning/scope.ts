import type { ServicePrincipalRecord, TenantDirectory, UserRecord } from "../state/model";

/**
 * Lists the users in a sync job's scope: users assigned to the service principal directly or through a group
 * assignment (direct members only, as cross-tenant sync does not follow nested groups). Order follows the directory.
 */
export function usersInScope(tenant: TenantDirectory, sp: ServicePrincipalRecord): UserRecord[] {
  const ids = new Set<string>();
  for (const assignment of sp.appRoleAssignedTo.values()) {
    if (assignment.principalType === "User") {
      ids.add(assignment.principalId);
    } else {
      for (const memberId of tenant.groups.get(assignment.principalId)?.memberIds ?? []) {
        ids.add(memberId);
      }
    }
  }
  return [...tenant.users.values()].filter((user) => ids.has(user.resource.id));
}
