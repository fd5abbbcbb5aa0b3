import { randomBytes } from "node:crypto";
import { Permissions } from "../auth/permissions";
import { badRequest, resourceNotFound } from "../http/graphError";
import { collectionResult, contextUrl } from "../http/odata";
import type { GraphRequest, RouteDefinition } from "../http/routeTypes";
import { graphTime } from "../sync/jobModel";
import type { AppRoleAssignmentResource } from "../state/model";
import { isGuid, requireObjectBody, requireString } from "./requestBody";
import { requireSyncPrincipal } from "./synchronizationJobs";

const ASSIGNMENTS = "/servicePrincipals/{spId}/appRoleAssignedTo";

/** Builds an assignment id like Graph's: 43 base64url characters, starting with the encoded principal id. */
function assignmentId(principalId: string): string {
  const principal = Buffer.from(principalId.replace(/-/g, ""), "hex");
  return Buffer.concat([principal, randomBytes(16)]).toString("base64url");
}

function resolvePrincipal(request: GraphRequest, principalId: string): { type: "User" | "Group"; displayName: string } {
  const user = request.tenant.users.get(principalId);
  if (user !== undefined) {
    return { type: "User", displayName: user.resource.displayName };
  }
  const group = request.tenant.groups.get(principalId);
  if (group !== undefined) {
    return { type: "Group", displayName: group.resource.displayName };
  }
  throw resourceNotFound(principalId);
}

function assignmentsContext(request: GraphRequest): string {
  return `servicePrincipals('${request.params.spId}')/appRoleAssignedTo`;
}

export const appRoleAssignmentRoutes: RouteDefinition[] = [
  {
    method: "POST",
    template: ASSIGNMENTS,
    permissions: Permissions.assignmentWrite,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      const body = requireObjectBody(request.body);
      const principalId = requireString(body, "principalId").toLowerCase();
      const resourceId = requireString(body, "resourceId").toLowerCase();
      const appRoleId = requireString(body, "appRoleId").toLowerCase();
      if (!isGuid(principalId)) {
        throw badRequest(`Invalid value '${principalId}' for property 'principalId': expected a GUID.`);
      }
      if (resourceId !== sp.resource.id) {
        throw badRequest(`Property 'resourceId' must be the service principal id in the path, '${sp.resource.id}'.`);
      }
      const principal = resolvePrincipal(request, principalId);
      if (!sp.resource.appRoles.some((role) => role.id === appRoleId && role.isEnabled)) {
        throw badRequest("Permission being assigned was not found on application");
      }
      const assignments = [...sp.appRoleAssignedTo.values()];
      if (assignments.some((existing) => existing.principalId === principalId && existing.appRoleId === appRoleId)) {
        throw badRequest("Permission being assigned already exists on the object");
      }
      const assignment: AppRoleAssignmentResource = {
        id: assignmentId(principalId),
        appRoleId,
        createdDateTime: graphTime(request.services.state.now()),
        deletedDateTime: null,
        principalDisplayName: principal.displayName,
        principalId,
        principalType: principal.type,
        resourceDisplayName: sp.resource.displayName,
        resourceId: sp.resource.id,
      };
      sp.appRoleAssignedTo.set(assignment.id, assignment);
      const context = contextUrl(request, `${assignmentsContext(request)}/$entity`);
      return { status: 201, body: { "@odata.context": context, ...assignment } };
    },
  },
  {
    method: "GET",
    template: ASSIGNMENTS,
    permissions: Permissions.assignmentRead,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      const assignments = [...sp.appRoleAssignedTo.values()];
      return collectionResult(request, assignments, { contextFragment: assignmentsContext(request) });
    },
  },
  {
    method: "DELETE",
    template: `${ASSIGNMENTS}/{assignmentId}`,
    permissions: Permissions.assignmentWrite,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      const id = request.params.assignmentId ?? "";
      if (!sp.appRoleAssignedTo.delete(id)) {
        throw resourceNotFound(id);
      }
      return { status: 204 };
    },
  },
];
