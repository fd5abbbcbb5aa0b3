import { Permissions } from "../auth/permissions";
import { GraphError } from "../http/graphError";
import { contextUrl } from "../http/odata";
import type { GraphRequest, GraphResult, RouteDefinition } from "../http/routeTypes";
import type { TenantDirectory } from "../state/model";
import { decodeFunctionParameter } from "./requestBody";

function tenantInformation(request: GraphRequest, tenant: TenantDirectory | undefined, value: string): GraphResult {
  if (tenant === undefined) {
    // NOTE: Graph does not document the status for an unknown tenant; 404 Request_ResourceNotFound is assumed.
    throw new GraphError(404, "Request_ResourceNotFound", `Tenant '${value}' was not found.`);
  }
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(request, "microsoft.graph.tenantInformation"),
      tenantId: tenant.tenantId,
      displayName: tenant.displayName,
      defaultDomainName: tenant.domains[0] ?? null,
      federationBrandName: null,
    },
  };
}

export const tenantLookupRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/tenantRelationships/findTenantInformationByDomainName(domainName='{domainName}')",
    permissions: Permissions.tenantLookup,
    handler: (request) => {
      const domain = decodeFunctionParameter(request.params.domainName ?? "");
      // findTenant also accepts ids, but this function looks up domains only.
      const tenant = request.services.state.findTenant(domain);
      const hasDomain = tenant?.domains.some((name) => name.toLowerCase() === domain.toLowerCase()) === true;
      return tenantInformation(request, hasDomain ? tenant : undefined, domain);
    },
  },
  {
    method: "GET",
    template: "/tenantRelationships/findTenantInformationByTenantId(tenantId='{tenantId}')",
    permissions: Permissions.tenantLookup,
    handler: (request) => {
      const tenantId = decodeFunctionParameter(request.params.tenantId ?? "");
      return tenantInformation(request, request.services.state.tenants.get(tenantId.toLowerCase()), tenantId);
    },
  },
];
