import type {
  CrossTenantAccessPolicyConfigurationPartner,
  CrossTenantIdentitySyncPolicyPartner,
} from "@microsoft/microsoft-graph-types";

import type { GraphApi } from "./graphApi";

const PARTNERS = "/policies/crossTenantAccessPolicy/partners";

/** Path of the partner configuration for `partnerTenantId` in the tenant that `api` calls. */
export function partnerPath(partnerTenantId: string): string {
  return `${PARTNERS}/${encodeURIComponent(partnerTenantId)}`;
}

export function getPartner(
  api: GraphApi,
  partnerTenantId: string,
): Promise<CrossTenantAccessPolicyConfigurationPartner> {
  return api.get(partnerPath(partnerTenantId));
}

/** Creates a partner configuration with every setting inherited; Graph returns 409 when it exists already. */
export async function createPartner(
  api: GraphApi,
  partnerTenantId: string,
): Promise<CrossTenantAccessPolicyConfigurationPartner | undefined> {
  return api.post<CrossTenantAccessPolicyConfigurationPartner>(PARTNERS, { tenantId: partnerTenantId });
}

export function updatePartner(
  api: GraphApi,
  partnerTenantId: string,
  changes: CrossTenantAccessPolicyConfigurationPartner,
): Promise<void> {
  return api.patch(partnerPath(partnerTenantId), changes);
}

function identitySynchronizationPath(sourceTenantId: string): string {
  return `${partnerPath(sourceTenantId)}/identitySynchronization`;
}

export function getIdentitySynchronization(
  api: GraphApi,
  sourceTenantId: string,
): Promise<CrossTenantIdentitySyncPolicyPartner> {
  return api.get(identitySynchronizationPath(sourceTenantId));
}

/** Creates the policy with PUT; Graph returns 409 when it exists already. */
export function putIdentitySynchronization(
  api: GraphApi,
  sourceTenantId: string,
  policy: CrossTenantIdentitySyncPolicyPartner,
): Promise<void> {
  return api.put(identitySynchronizationPath(sourceTenantId), policy);
}

export function updateIdentitySynchronization(
  api: GraphApi,
  sourceTenantId: string,
  changes: CrossTenantIdentitySyncPolicyPartner,
): Promise<void> {
  return api.patch(identitySynchronizationPath(sourceTenantId), changes);
}
