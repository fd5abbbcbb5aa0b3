import type { TenantDirectory } from "../state/model";

/**
 * Dumps a tenant's whole directory, including objects still replicating. Arrays keep creation order, so two dumps
 * of the same state are deep-equal. Secret values are masked.
 */
export function dumpTenant(tenant: TenantDirectory): Record<string, unknown> {
  return {
    tenantId: tenant.tenantId,
    displayName: tenant.displayName,
    defaultDomainName: tenant.domains[0] ?? null,
    domains: [...tenant.domains],
    users: [...tenant.users.values()].map((user) => ({ ...user.resource, syncSource: user.syncSource })),
    groups: [...tenant.groups.values()].map((group) => ({ ...group.resource, members: [...group.memberIds] })),
    applications: [...tenant.applications.values()].map((app) => ({ ...app.resource })),
    servicePrincipals: [...tenant.servicePrincipals.values()].map((sp) => ({
      ...sp.resource,
      appRoleAssignedTo: [...sp.appRoleAssignedTo.values()],
      synchronization: {
        jobs: [...sp.jobs.values()].map((job) => structuredClone(job.resource)),
        secrets: sp.secrets.map((entry) => ({ key: entry.key, value: "*" })),
      },
    })),
    partners: [...tenant.partners.values()].map((partner) => ({
      ...structuredClone(partner.resource),
      identitySynchronization: structuredClone(partner.identitySynchronization),
    })),
  };
}
