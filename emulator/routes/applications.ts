import { randomUUID } from "node:crypto";
import { Permissions, TENANT_WIDE_APPLICATION_ROLES } from "../auth/permissions";
import { CROSS_TENANT_SYNC_TEMPLATE_ID } from "../fixture";
import { GraphError } from "../http/graphError";
import { collectionResult, contextUrl, entityResult } from "../http/odata";
import type { GraphRequest, RouteDefinition } from "../http/routeTypes";
import {
  deleteServicePrincipal,
  isVisible,
  requireApplication,
  requireOwnership,
  requireServicePrincipal,
} from "../state/directoryObjects";
import type { ApplicationRecord, AppRoleResource, ServicePrincipalRecord } from "../state/model";
import { CROSS_TENANT_SYNC_APPLICATION_TEMPLATE } from "../sync/crossTenantSyncTemplate";
import { requireObjectBody, requireString } from "./requestBody";

const APPLICATION_FILTERABLE = ["id", "appId", "applicationTemplateId", "displayName", "createdDateTime", "tags"];
const SERVICE_PRINCIPAL_FILTERABLE = [...APPLICATION_FILTERABLE, "appOwnerOrganizationId", "servicePrincipalNames"];

function requireTemplate(id: string): void {
  if (id.toLowerCase() !== CROSS_TENANT_SYNC_TEMPLATE_ID) {
    // NOTE: the emulator serves only the cross-tenant synchronization template.
    throw new GraphError(404, "Request_ResourceNotFound", `Application template '${id}' was not found.`);
  }
}

function msiamAccessRole(): AppRoleResource {
  return {
    allowedMemberTypes: ["User"],
    description: "msiam_access",
    displayName: "msiam_access",
    id: randomUUID(),
    isEnabled: true,
    origin: "Application",
    value: null,
  };
}

/** Creates the application and its service principal; both stay invisible to reads for the replication delay. */
function instantiate(
  request: GraphRequest,
  displayName: string,
): { app: ApplicationRecord; sp: ServicePrincipalRecord } {
  const state = request.services.state;
  const now = state.now();
  const visibleAt = now + state.settings.replicationDelayMs;
  const created = new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z");
  const appId = randomUUID();
  const role = msiamAccessRole();
  const app: ApplicationRecord = {
    resource: {
      id: randomUUID(),
      appId,
      applicationTemplateId: CROSS_TENANT_SYNC_TEMPLATE_ID,
      displayName,
      createdDateTime: created,
      deletedDateTime: null,
      signInAudience: "AzureADMyOrg",
      identifierUris: [],
      tags: [],
      appRoles: [role],
    },
    visibleAt,
    ownerClientId: request.caller.clientId,
  };
  const sp: ServicePrincipalRecord = {
    resource: {
      id: randomUUID(),
      appId,
      appDisplayName: displayName,
      applicationTemplateId: CROSS_TENANT_SYNC_TEMPLATE_ID,
      appOwnerOrganizationId: request.tenant.tenantId,
      appRoleAssignmentRequired: true,
      accountEnabled: true,
      displayName,
      deletedDateTime: null,
      preferredSingleSignOnMode: null,
      publisherName: request.tenant.displayName,
      servicePrincipalNames: [appId],
      servicePrincipalType: "Application",
      tags: ["WindowsAzureActiveDirectoryIntegratedApp"],
      appRoles: [{ ...role }],
    },
    visibleAt,
    ownerClientId: request.caller.clientId,
    appRoleAssignedTo: new Map(),
    jobs: new Map(),
    secrets: [],
    secretsExpired: false,
  };
  request.tenant.applications.set(app.resource.id, app);
  request.tenant.servicePrincipals.set(sp.resource.id, sp);
  return { app, sp };
}

/** Lists replicated objects; callers with only Application.ReadWrite.OwnedBy see just the objects they own. */
function visibleResources<T extends { visibleAt: number; resource: object; ownerClientId: string | null }>(
  request: GraphRequest,
  records: Iterable<T>,
): object[] {
  const now = request.services.state.now();
  const tenantWide = request.caller.roles.some((role) => TENANT_WIDE_APPLICATION_ROLES.includes(role));
  return [...records]
    .filter((record) => isVisible(record, now))
    .filter((record) => tenantWide || record.ownerClientId === request.caller.clientId)
    .map((record) => record.resource);
}

export const applicationRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/applicationTemplates/{templateId}",
    permissions: Permissions.applicationRead,
    handler: (request) => {
      requireTemplate(request.params.templateId ?? "");
      return entityResult(request, "applicationTemplates/$entity", CROSS_TENANT_SYNC_APPLICATION_TEMPLATE);
    },
  },
  {
    method: "POST",
    template: "/applicationTemplates/{templateId}/instantiate",
    permissions: Permissions.applicationWrite,
    handler: (request) => {
      requireTemplate(request.params.templateId ?? "");
      const displayName = requireString(requireObjectBody(request.body), "displayName");
      const { app, sp } = instantiate(request, displayName);
      return {
        status: 201,
        body: {
          "@odata.context": contextUrl(request, "microsoft.graph.applicationServicePrincipal"),
          application: app.resource,
          servicePrincipal: sp.resource,
        },
      };
    },
  },
  {
    method: "GET",
    template: "/applications",
    permissions: Permissions.applicationRead,
    handler: (request) =>
      collectionResult(request, visibleResources(request, request.tenant.applications.values()), {
        contextFragment: "applications",
        filterableProperties: APPLICATION_FILTERABLE,
      }),
  },
  {
    method: "GET",
    template: "/applications/{id}",
    permissions: Permissions.applicationRead,
    handler: (request) => {
      const record = requireApplication(request, request.params.id ?? "");
      requireOwnership(request, record);
      return entityResult(request, "applications/$entity", record.resource);
    },
  },
  {
    method: "DELETE",
    template: "/applications/{id}",
    permissions: Permissions.applicationWrite,
    handler: (request) => {
      const record = requireApplication(request, request.params.id ?? "");
      requireOwnership(request, record);
      // Deleting an application also deletes its service principal in the same tenant.
      // NOTE: Graph keeps deleted applications for 30 days under /directory/deletedItems; the emulator drops them.
      request.tenant.applications.delete(record.resource.id);
      for (const sp of [...request.tenant.servicePrincipals.values()]) {
        if (sp.resource.appId === record.resource.appId) {
          deleteServicePrincipal(request.services, request.tenant, sp);
        }
      }
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/servicePrincipals",
    permissions: Permissions.applicationRead,
    handler: (request) =>
      collectionResult(request, visibleResources(request, request.tenant.servicePrincipals.values()), {
        contextFragment: "servicePrincipals",
        filterableProperties: SERVICE_PRINCIPAL_FILTERABLE,
      }),
  },
  {
    method: "GET",
    template: "/servicePrincipals/{id}",
    permissions: Permissions.applicationRead,
    handler: (request) => {
      const record = requireServicePrincipal(request, request.params.id ?? "");
      requireOwnership(request, record);
      return entityResult(request, "servicePrincipals/$entity", record.resource);
    },
  },
  {
    method: "DELETE",
    template: "/servicePrincipals/{id}",
    permissions: Permissions.applicationWrite,
    handler: (request) => {
      const record = requireServicePrincipal(request, request.params.id ?? "");
      requireOwnership(request, record);
      deleteServicePrincipal(request.services, request.tenant, record);
      return { status: 204 };
    },
  },
];
