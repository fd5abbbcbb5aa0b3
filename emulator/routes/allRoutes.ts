import type { RouteDefinition } from "../http/routeTypes";
import { applicationRoutes } from "./applications";
import { appRoleAssignmentRoutes } from "./appRoleAssignments";
import { auditLogRoutes } from "./auditLogs";
import { identitySynchronizationRoutes } from "./identitySynchronization";
import { partnerRoutes } from "./partners";
import { synchronizationJobControlRoutes } from "./synchronizationJobControl";
import { synchronizationJobRoutes } from "./synchronizationJobs";
import { synchronizationSecretRoutes } from "./synchronizationSecrets";
import { tenantLookupRoutes } from "./tenantLookup";
import { userAndGroupRoutes } from "./usersAndGroups";

/**
 * Every emulated Graph route. A literal segment comes before a capture at the same position, so that
 * `jobs/validateCredentials` is not read as a job id.
 */
export const allGraphRoutes: readonly RouteDefinition[] = [
  ...tenantLookupRoutes,
  ...partnerRoutes,
  ...identitySynchronizationRoutes,
  ...applicationRoutes,
  ...synchronizationJobControlRoutes,
  ...synchronizationJobRoutes,
  ...synchronizationSecretRoutes,
  ...appRoleAssignmentRoutes,
  ...userAndGroupRoutes,
  ...auditLogRoutes,
];
