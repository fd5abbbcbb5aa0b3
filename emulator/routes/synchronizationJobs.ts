import { Permissions } from "../auth/permissions";
import { badRequest, GraphError } from "../http/graphError";
import { collectionResult, contextUrl } from "../http/odata";
import type { GraphRequest, RouteDefinition } from "../http/routeTypes";
import { requireServicePrincipal } from "../state/directoryObjects";
import type { JsonObject, ServicePrincipalRecord, SyncJobRecord } from "../state/model";
import { AZURE2AZURE_TEMPLATE_ID, buildSynchronizationTemplate } from "../sync/crossTenantSyncTemplate";
import { createSyncJob } from "../sync/jobModel";
import { requireObjectBody, requireString } from "./requestBody";

const SYNC = "/servicePrincipals/{spId}/synchronization";

export function requireSyncPrincipal(request: GraphRequest): ServicePrincipalRecord {
  return requireServicePrincipal(request, request.params.spId ?? "");
}

/** Finds `{jobId}` on `{spId}`, or throws Graph's 404. */
export function requireJob(request: GraphRequest): { sp: ServicePrincipalRecord; job: SyncJobRecord } {
  const sp = requireSyncPrincipal(request);
  const jobId = request.params.jobId ?? "";
  const job = sp.jobs.get(jobId);
  if (job === undefined) {
    throw new GraphError(404, "Request_ResourceNotFound", `Synchronization job '${jobId}' was not found.`);
  }
  return { sp, job };
}

function jobsContext(request: GraphRequest): string {
  return `servicePrincipals('${request.params.spId}')/synchronization/jobs`;
}

function jobContext(request: GraphRequest): string {
  return contextUrl(request, `${jobsContext(request)}/$entity`);
}

export const synchronizationJobRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: `${SYNC}/templates`,
    permissions: Permissions.synchronizationRead,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      return collectionResult(request, [buildSynchronizationTemplate(sp.resource.appId)], {
        contextFragment: `servicePrincipals('${request.params.spId}')/synchronization/templates`,
      });
    },
  },
  {
    method: "GET",
    template: `${SYNC}/jobs`,
    permissions: Permissions.synchronizationRead,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      const jobs = [...sp.jobs.values()].map((job) => job.resource);
      return collectionResult(request, jobs, { contextFragment: jobsContext(request) });
    },
  },
  {
    method: "GET",
    template: `${SYNC}/jobs/{jobId}`,
    permissions: Permissions.synchronizationRead,
    handler: (request) => {
      const { job } = requireJob(request);
      return { status: 200, body: { "@odata.context": jobContext(request), ...job.resource } };
    },
  },
  {
    method: "POST",
    template: `${SYNC}/jobs`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const sp = requireSyncPrincipal(request);
      const templateId = requireString(requireObjectBody(request.body), "templateId");
      if (templateId !== AZURE2AZURE_TEMPLATE_ID) {
        throw badRequest(`Template '${templateId}' is not available on this service principal. Use 'Azure2Azure'.`);
      }
      if ([...sp.jobs.values()].some((job) => job.resource.templateId === templateId)) {
        // NOTE: Graph documents only that the job "already exists"; the 409 status and its code are assumed.
        const message = `A job for template '${templateId}' already exists on this service principal.`;
        throw new GraphError(409, "Request_MultipleObjectsWithSameKeyValue", message);
      }
      const job = createSyncJob(request.tenant.tenantId);
      sp.jobs.set(job.resource.id, job);
      return { status: 201, body: { "@odata.context": jobContext(request), ...job.resource } };
    },
  },
  {
    method: "DELETE",
    template: `${SYNC}/jobs/{jobId}`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const { sp, job } = requireJob(request);
      request.services.scheduler.cancel(job.resource.id);
      sp.jobs.delete(job.resource.id);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: `${SYNC}/jobs/{jobId}/schema`,
    permissions: Permissions.synchronizationRead,
    handler: (request) => {
      const { job } = requireJob(request);
      const context = contextUrl(request, `${jobsContext(request)}('${job.resource.id}')/schema/$entity`);
      return { status: 200, body: { "@odata.context": context, ...job.schema } };
    },
  },
  {
    method: "PUT",
    template: `${SYNC}/jobs/{jobId}/schema`,
    permissions: Permissions.synchronizationWrite,
    handler: (request) => {
      const { job } = requireJob(request);
      const schema = requireObjectBody(request.body);
      if (!Array.isArray(schema.synchronizationRules)) {
        throw badRequest("The schema must contain a 'synchronizationRules' array.");
      }
      const { "@odata.context": _context, ...rest } = schema;
      job.schema = structuredClone(rest) as JsonObject;
      return { status: 204 };
    },
  },
];
