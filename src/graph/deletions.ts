// Deletes of the objects an onboarding creates. Each resolves on 204 and throws a `GraphRequestError` otherwise.

import type { GraphApi } from "./graphApi";
import { partnerPath } from "./partners";

export function deletePartner(api: GraphApi, partnerTenantId: string): Promise<void> {
  return api.delete(partnerPath(partnerTenantId));
}

/** Deletes the identity synchronization policy; Graph requires this before the partner can be deleted. */
export function deleteIdentitySynchronization(api: GraphApi, sourceTenantId: string): Promise<void> {
  return api.delete(`${partnerPath(sourceTenantId)}/identitySynchronization`);
}

/** Deletes the service principal; Graph deletes its synchronization jobs and app role assignments with it. */
export function deleteServicePrincipal(api: GraphApi, servicePrincipalId: string): Promise<void> {
  return api.delete(`/servicePrincipals/${encodeURIComponent(servicePrincipalId)}`);
}

/** Deletes the application. Graph keeps it in the deleted items for 30 days. */
export function deleteApplication(api: GraphApi, applicationId: string): Promise<void> {
  return api.delete(`/applications/${encodeURIComponent(applicationId)}`);
}

export function deleteJob(api: GraphApi, servicePrincipalId: string, jobId: string): Promise<void> {
  const servicePrincipal = encodeURIComponent(servicePrincipalId);
  return api.delete(`/servicePrincipals/${servicePrincipal}/synchronization/jobs/${encodeURIComponent(jobId)}`);
}

export function deleteAppRoleAssignment(
  api: GraphApi,
  servicePrincipalId: string,
  assignmentId: string,
): Promise<void> {
  const servicePrincipal = encodeURIComponent(servicePrincipalId);
  return api.delete(`/servicePrincipals/${servicePrincipal}/appRoleAssignedTo/${encodeURIComponent(assignmentId)}`);
}
