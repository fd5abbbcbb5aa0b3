import { Permissions } from "../auth/permissions";
import { badRequest, GraphError } from "../http/graphError";
import { contextUrl } from "../http/odata";
import type { GraphRequest, GraphResult, RouteDefinition } from "../http/routeTypes";
import { provisionOnDemand } from "../provisioning/provisionOnDemand";
import type { ServicePrincipalRecord, SyncJobRecord } from "../state/model";
import { checkSyncCredentials } from "../sync/credentialCheck";
import { parseCredentialList } from "../sync/credentials";
import { AZURE2AZURE_TEMPLATE_ID } from "../sync/crossTenantSyncTemplate";
import { activateJob } from "../sync/jobModel";
import { requireObjectBody } from "./requestBody";
import { requireJob, requireSyncPrincipal } from "./synchronizationJobs";

const JOBS = "/servicePrincipals/{spId}/synchronization/jobs";
const RESET_SCOPE_FLAGS = ["ConnectorDataStore", "Escrows", "Watermark", "QuarantineState", "Full", "ForceDeletes"];

function startJob(request: GraphRequest, job: SyncJobRecord): GraphResult {
  const wasQuarantined = job.resource.status.code === "Quarantine";
  activateJob(job);
  if (wasQuarantined) {
    job.resource.status.countSuccessiveCompleteFailures = 0;
  }
  request.services.scheduler.schedule(request.tenant.tenantId, request.params.spId ?? "", job.resource.id);
  return { status: 204 };
}

function parseResetScope(body: unknown): void {
  if (body === undefined) {
    return;
  }
  const criteria = requireObjectBody(body).criteria;
  if (criteria === undefined || criteria === null) {
    return;
  }
  const resetScope = (criteria as Record<string, unknown>).resetScope;
  if (typeof resetScope !== "string") {
    throw badRequest("Property 'criteria/resetScope' must be a comma-separated string of flags.");
  }
  for (const flag of resetScope.split(",").map((part) => part.trim())) {
    if (!RESET_SCOPE_FLAGS.includes(flag)) {
      throw badRequest(`Invalid resetScope flag '${flag}'. Valid flags: ${RESET_SCOPE_FLAGS.join(", ")}.`);
    }
  }
}

/** Runs validateCredentials for a service principal, optionally bound to one of its jobs. */
function validateCredentials(request: GraphRequest, sp: ServicePrincipalRecord, job?: SyncJobRecord): GraphResult {
  const body = request.body === undefined ? {} : requireObjectBody(request.body);
  const templateId = body.templateId ?? job?.resource.templateId ?? AZURE2AZURE_TEMPLATE_ID;
  if (templateId !== AZURE2AZURE_TEMPLATE_ID) {
    throw badRequest(`Template '${String(templateId)}' is not available on this service principal.`);
  }
  if (body.useSavedCredentials !== undefined && typeof body.useSavedCredentials !== "boolean") {
    throw badRequest("Property 'useSavedCredentials' must be a boolean.");
  }
  const requestCredentials = parseCredentialList(body.credentials ?? [], "credentials");
  const useSaved = body.useSavedCredentials === true;
  const credentials = useSaved ? sp.secrets : requestCredentials;
  const expired = useSaved && sp.secretsExpired;
  const result = checkSyncCredentials(request.services.state, request.tenant.tenantId, credentials, expired);
  if (!result.ok) {
    // NOTE: Graph does not document the status of a failed policy check; 400 is assumed.
    throw new GraphError(400, result.code, result.message);
  }
  return { status: 204 };
}

export const synchronizationJobControlRoutes: RouteDefinition[] = [
  {
    method: "POST",
    template: `${JOBS}/validateCredentials`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => validateCredentials(request, requireSyncPrincipal(request)),
  },
  {
    method: "POST",
    template: `${JOBS}/{jobId}/validateCredentials`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const { sp, job } = requireJob(request);
      return validateCredentials(request, sp, job);
    },
  },
  {
    method: "POST",
    template: `${JOBS}/{jobId}/provisionOnDemand`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const { sp, job } = requireJob(request);
      const body = requireObjectBody(request.body);
      const result = provisionOnDemand(request.services.state, request.tenant, sp, job, body);
      const context = contextUrl(request, "microsoft.graph.stringKeyStringValuePair");
      return { status: 200, body: { "@odata.context": context, ...result } };
    },
  },
  {
    method: "POST",
    template: `${JOBS}/{jobId}/start`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => startJob(request, requireJob(request).job),
  },
  {
    method: "POST",
    template: `${JOBS}/{jobId}/pause`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const { job } = requireJob(request);
      request.services.scheduler.cancel(job.resource.id);
      job.resource.schedule.state = "Paused";
      job.resource.status.code = "Paused";
      return { status: 204 };
    },
  },
  {
    method: "POST",
    template: `${JOBS}/{jobId}/restart`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const { job } = requireJob(request);
      parseResetScope(request.body);
      job.resource.status.countSuccessiveCompleteFailures = 0;
      job.resource.status.quarantine = null;
      return startJob(request, job);
    },
  },
];
