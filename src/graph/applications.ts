import type { Application, ApplicationServicePrincipal, ServicePrincipal } from "@microsoft/microsoft-graph-types";

import type { GraphApi } from "./graphApi";
import { quoteODataString } from "./odataFilter";

/** Gallery application template of Microsoft Entra cross-tenant synchronization. */
export const CROSS_TENANT_SYNC_TEMPLATE_ID = "518e5f48-1fc8-4c48-9387-9fdf28b0dfe7";

/** App role that user and group assignments on the sync service principal use. */
export const SYNC_APP_ROLE_NAME = "msiam_access";

/**
 * Instantiate responds in the v1.0 shape (`id`), but the older beta shape uses `objectId`, so both are read.
 */
type WithObjectId<T> = T & { objectId?: string | null };

export interface InstantiatedApplication {
  applicationId?: string;
  appId?: string;
  servicePrincipalId?: string;
}

export async function instantiateSyncTemplate(api: GraphApi, displayName: string): Promise<InstantiatedApplication> {
  const created = await api.post<ApplicationServicePrincipal>(
    `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`,
    { displayName },
  );
  const application = created?.application as WithObjectId<Application> | null | undefined;
  const servicePrincipal = created?.servicePrincipal as WithObjectId<ServicePrincipal> | null | undefined;
  const result: InstantiatedApplication = {};
  const applicationId = application?.id ?? application?.objectId;
  const appId = application?.appId ?? servicePrincipal?.appId;
  const servicePrincipalId = servicePrincipal?.id ?? servicePrincipal?.objectId;
  if (applicationId) result.applicationId = applicationId;
  if (appId) result.appId = appId;
  if (servicePrincipalId) result.servicePrincipalId = servicePrincipalId;
  return result;
}

/** Applications made from the sync template with exactly this display name. */
export function findSyncApplications(api: GraphApi, displayName: string): Promise<Application[]> {
  const filter =
    `applicationTemplateId eq ${quoteODataString(CROSS_TENANT_SYNC_TEMPLATE_ID)} ` +
    `and displayName eq ${quoteODataString(displayName)}`;
  return api.list<Application>("/applications", { $filter: filter });
}

export function findServicePrincipalsByAppId(api: GraphApi, appId: string): Promise<ServicePrincipal[]> {
  return api.list<ServicePrincipal>("/servicePrincipals", { $filter: `appId eq ${quoteODataString(appId)}` });
}

export function getServicePrincipal(api: GraphApi, servicePrincipalId: string): Promise<ServicePrincipal> {
  return api.get(`/servicePrincipals/${encodeURIComponent(servicePrincipalId)}`);
}

/** Id of the enabled `msiam_access` app role of the sync service principal, if it has one. */
export function syncAppRoleId(servicePrincipal: ServicePrincipal): string | undefined {
  const role = servicePrincipal.appRoles?.find(
    (candidate) => candidate.value === SYNC_APP_ROLE_NAME || candidate.displayName === SYNC_APP_ROLE_NAME,
  );
  return role?.isEnabled === false ? undefined : (role?.id ?? undefined);
}
