import { Permissions } from "../auth/permissions";
import { collectionResult } from "../http/odata";
import type { RouteDefinition } from "../http/routeTypes";

const FILTERABLE = [
  "id",
  "activityDateTime",
  "jobId",
  "cycleId",
  "changeId",
  "provisioningAction",
  "servicePrincipal",
  "sourceIdentity",
  "targetIdentity",
  "provisioningStatusInfo",
];

export const auditLogRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/auditLogs/provisioning",
    permissions: Permissions.auditLogRead,
    // Newest first unless $orderby sets another order, as Graph lists provisioning logs.
    handler: (request) =>
      collectionResult(request, [...request.tenant.provisioningLogs].reverse(), {
        contextFragment: "auditLogs/provisioning",
        filterableProperties: FILTERABLE,
      }),
  },
];
