import type { AppRoleAssignment } from "@microsoft/microsoft-graph-types";

import type { GraphApi } from "./graphApi";

function assignmentsPath(servicePrincipalId: string): string {
  return `/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/appRoleAssignedTo`;
}

/** Users and groups assigned to the service principal's app roles. */
export function listAppRoleAssignedTo(api: GraphApi, servicePrincipalId: string): Promise<AppRoleAssignment[]> {
  return api.list<AppRoleAssignment>(assignmentsPath(servicePrincipalId));
}

export async function assignAppRole(
  api: GraphApi,
  servicePrincipalId: string,
  principalId: string,
  appRoleId: string,
): Promise<AppRoleAssignment | undefined> {
  return api.post<AppRoleAssignment>(assignmentsPath(servicePrincipalId), {
    principalId,
    resourceId: servicePrincipalId,
    appRoleId,
  });
}
