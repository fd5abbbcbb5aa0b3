import { TENANT_WIDE_APPLICATION_ROLES } from "../auth/permissions";
import { GraphError, resourceNotFound } from "../http/graphError";
import type { GraphRequest } from "../http/routeTypes";
import type { EmulatorServices } from "./services";
import type { ApplicationRecord, ServicePrincipalRecord, TenantDirectory } from "./model";

/** Checks whether replication has made a new object visible to reads. */
export function isVisible(record: { visibleAt: number }, now: number): boolean {
  return now >= record.visibleAt;
}

/** Finds a replicated service principal by id, or throws Graph's 404 as for one that does not exist. */
export function requireServicePrincipal(request: GraphRequest, id: string): ServicePrincipalRecord {
  const record = request.tenant.servicePrincipals.get(id.toLowerCase());
  if (record === undefined || !isVisible(record, request.services.state.now())) {
    throw resourceNotFound(id);
  }
  return record;
}

export function requireApplication(request: GraphRequest, id: string): ApplicationRecord {
  const record = request.tenant.applications.get(id.toLowerCase());
  if (record === undefined || !isVisible(record, request.services.state.now())) {
    throw resourceNotFound(id);
  }
  return record;
}

/**
 * Rejects callers that hold only Application.ReadWrite.OwnedBy for an object another app created.
 */
export function requireOwnership(request: GraphRequest, record: { ownerClientId: string | null }): void {
  const tenantWide = request.caller.roles.some((role) => TENANT_WIDE_APPLICATION_ROLES.includes(role));
  if (!tenantWide && record.ownerClientId !== request.caller.clientId) {
    throw new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  }
}

/** Deletes a service principal with its jobs, secrets and app role assignments, stopping the jobs' timers. */
export function deleteServicePrincipal(
  services: EmulatorServices,
  tenant: TenantDirectory,
  record: ServicePrincipalRecord,
): void {
  for (const jobId of record.jobs.keys()) {
    services.scheduler.cancel(jobId);
  }
  tenant.servicePrincipals.delete(record.resource.id);
}
