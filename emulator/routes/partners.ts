import { Permissions } from "../auth/permissions";
import { badRequest, GraphError } from "../http/graphError";
import { collectionResult, contextUrl, entityResult } from "../http/odata";
import type { GraphRequest, RouteDefinition } from "../http/routeTypes";
import type { PartnerRecord } from "../state/model";
import { applyPartnerPatch, newPartnerRecord, validatePartnerPatch } from "../state/partnerPolicy";
import { isGuid, requireObjectBody, requireString } from "./requestBody";

const PARTNERS = "/policies/crossTenantAccessPolicy/partners";
const PARTNERS_CONTEXT = "policies/crossTenantAccessPolicy/partners";

/** Finds the caller's partner configuration for `{partnerTenantId}`, or throws Graph's 404. */
export function requirePartner(request: GraphRequest): PartnerRecord {
  const partnerId = (request.params.partnerTenantId ?? "").toLowerCase();
  const record = request.tenant.partners.get(partnerId);
  if (record === undefined) {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `The partner configuration for tenant '${partnerId}' was not found in this tenant's cross-tenant access policy.`,
    );
  }
  return record;
}

export const partnerRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: PARTNERS,
    permissions: Permissions.policyRead,
    handler: (request) =>
      collectionResult(
        request,
        [...request.tenant.partners.values()].map((record) => record.resource),
        { contextFragment: PARTNERS_CONTEXT },
      ),
  },
  {
    method: "GET",
    template: `${PARTNERS}/{partnerTenantId}`,
    permissions: Permissions.policyRead,
    handler: (request) => entityResult(request, `${PARTNERS_CONTEXT}/$entity`, requirePartner(request).resource),
  },
  {
    method: "POST",
    template: PARTNERS,
    permissions: Permissions.policyWrite,
    handler: (request) => {
      const body = requireObjectBody(request.body);
      const tenantId = requireString(body, "tenantId").toLowerCase();
      if (!isGuid(tenantId)) {
        throw badRequest(`Property 'tenantId' must be a tenant id (GUID), not '${tenantId}'.`);
      }
      if (tenantId === request.tenant.tenantId) {
        throw badRequest("A tenant cannot be a partner of itself.");
      }
      validatePartnerPatch(body, true);
      if (request.tenant.partners.has(tenantId)) {
        throw new GraphError(
          409,
          "Request_MultipleObjectsWithSameKeyValue",
          `A partner configuration for tenant '${tenantId}' already exists.`,
        );
      }
      const now = request.services.state.now();
      const record = newPartnerRecord(tenantId, now);
      applyPartnerPatch(record, body, now);
      request.tenant.partners.set(tenantId, record);
      return {
        status: 201,
        body: { "@odata.context": contextUrl(request, `${PARTNERS_CONTEXT}/$entity`), ...record.resource },
      };
    },
  },
  {
    method: "PATCH",
    template: `${PARTNERS}/{partnerTenantId}`,
    permissions: Permissions.policyWrite,
    handler: (request) => {
      const record = requirePartner(request);
      const body = requireObjectBody(request.body);
      if ("tenantId" in body && String(body.tenantId).toLowerCase() !== record.resource.tenantId) {
        throw badRequest("Property 'tenantId' is the key of the partner configuration and cannot change.");
      }
      validatePartnerPatch(body, true);
      applyPartnerPatch(record, body, request.services.state.now());
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: `${PARTNERS}/{partnerTenantId}`,
    permissions: Permissions.policyWrite,
    handler: (request) => {
      const record = requirePartner(request);
      if (record.identitySynchronization !== null) {
        // NOTE: Graph documents that the identity synchronization policy must be deleted first; the error is assumed.
        throw badRequest(
          "The partner configuration still has an identity synchronization policy. Delete the policy first.",
        );
      }
      request.tenant.partners.delete(record.resource.tenantId);
      return { status: 204 };
    },
  },
];
