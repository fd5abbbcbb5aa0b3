import { Permissions } from "../auth/permissions";
import { badRequest, GraphError } from "../http/graphError";
import { entityResult } from "../http/odata";
import type { GraphRequest, RouteDefinition } from "../http/routeTypes";
import { parseIdentitySynchronizationBody, setIdentitySynchronization } from "../state/identitySynchronizationPolicy";
import type { IdentitySynchronizationResource, PartnerRecord } from "../state/model";
import { requirePartner } from "./partners";
import { requireObjectBody } from "./requestBody";

const TEMPLATE = "/policies/crossTenantAccessPolicy/partners/{partnerTenantId}/identitySynchronization";
const CONTEXT = "policies/crossTenantAccessPolicy/partners('{id}')/identitySynchronization/$entity";

function requirePolicy(
  request: GraphRequest,
  code: string,
): { partner: PartnerRecord; policy: IdentitySynchronizationResource } {
  const partner = requirePartner(request);
  if (partner.identitySynchronization === null) {
    throw new GraphError(
      404,
      code,
      `No identity synchronization policy exists for partner tenant '${partner.resource.tenantId}'.`,
    );
  }
  return { partner, policy: partner.identitySynchronization };
}

export const identitySynchronizationRoutes: RouteDefinition[] = [
  {
    method: "PUT",
    template: TEMPLATE,
    permissions: Permissions.policyWrite,
    handler: (request) => {
      const partner = requirePartner(request);
      const update = parseIdentitySynchronizationBody(requireObjectBody(request.body));
      if (partner.identitySynchronization !== null) {
        const id = partner.resource.tenantId;
        const message = `An identity synchronization policy already exists for tenant '${id}'.`;
        throw new GraphError(
          409,
          "Request_MultipleObjectsWithSameKeyValue",
          "Another object with the same value for property tenantId already exists.",
          [{ code: "ConflictingObjects", message, target: id }],
        );
      }
      setIdentitySynchronization(
        partner,
        {
          tenantId: partner.resource.tenantId,
          displayName: update.displayName ?? null,
          userSyncInbound: update.userSyncInbound ?? null,
        },
        request.services.state.now(),
      );
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: TEMPLATE,
    permissions: Permissions.policyRead,
    handler: (request) => {
      const { partner, policy } = requirePolicy(request, "Request_ResourceNotFound");
      return entityResult(request, CONTEXT.replace("{id}", partner.resource.tenantId), policy);
    },
  },
  {
    method: "PATCH",
    template: TEMPLATE,
    permissions: Permissions.policyWrite,
    handler: (request) => {
      // NOTE: the 404 code for PATCH on a missing policy (Directory_ObjectNotFound) is assumed, not documented.
      const { partner, policy } = requirePolicy(request, "Directory_ObjectNotFound");
      const update = parseIdentitySynchronizationBody(requireObjectBody(request.body));
      setIdentitySynchronization(partner, { ...policy, ...update }, request.services.state.now());
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: TEMPLATE,
    permissions: Permissions.policyWrite,
    handler: (request) => {
      const { partner } = requirePolicy(request, "Request_ResourceNotFound");
      setIdentitySynchronization(partner, null, request.services.state.now());
      return { status: 204 };
    },
  },
];
