import { GraphError } from "../http/graphError";
import { parseIdentitySynchronizationBody, setIdentitySynchronization } from "../state/identitySynchronizationPolicy";
import type { TenantDirectory } from "../state/model";
import { applyPartnerPatch, newPartnerRecord, validatePartnerPatch } from "../state/partnerPolicy";
import type { EmulatorServices } from "../state/services";
import { quarantineJob } from "../sync/jobModel";
import { AdminError, type AdminResult } from "./adminResult";
import { buildCreatedTenant, parseCreateTenantRequest } from "./createTenant";
import { patchUser } from "./adminUserChanges";
import { dumpTenant } from "./tenantDump";

const QUARANTINE_REASONS = [
  "EncounteredBaseEscrowThreshold",
  "EncounteredTotalEscrowThreshold",
  "EncounteredEscrowProportionThreshold",
  "EncounteredQuarantineException",
  "Unknown",
  "QuarantinedOnDemand",
  "TooManyDeletes",
  "IngestionInterrupted",
];

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AdminError(400, "The request body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

function requireSyncTarget(tenant: TenantDirectory, spId: string, jobId?: string) {
  const sp = tenant.servicePrincipals.get(spId.toLowerCase());
  if (sp === undefined) {
    throw new AdminError(404, `Service principal '${spId}' was not found in tenant '${tenant.tenantId}'.`);
  }
  const job = jobId === undefined ? undefined : sp.jobs.get(jobId);
  if (jobId !== undefined && job === undefined) {
    throw new AdminError(404, `Job '${jobId}' was not found on service principal '${spId}'.`);
  }
  return { sp, job };
}

function quarantine(
  services: EmulatorServices,
  tenant: TenantDirectory,
  spId: string,
  jobId: string,
  body: unknown,
): AdminResult {
  const { job } = requireSyncTarget(tenant, spId, jobId);
  const input = asObject(body);
  const reason = input.reason;
  if (typeof reason !== "string" || !QUARANTINE_REASONS.includes(reason)) {
    throw new AdminError(400, `'reason' must be one of: ${QUARANTINE_REASONS.join(", ")}.`);
  }
  const code = typeof input.errorCode === "string" ? input.errorCode : reason;
  const message = typeof input.errorMessage === "string" ? input.errorMessage : `The job was quarantined: ${reason}.`;
  if (job !== undefined) {
    quarantineJob(job, reason, { code, message, tenantActionable: true }, services.state.now());
  }
  return { status: 200, body: job?.resource };
}

/** Creates or changes a partner configuration as an admin would in the portal, bypassing Graph's permissions. */
function patchPartner(
  services: EmulatorServices,
  tenant: TenantDirectory,
  partnerId: string,
  body: unknown,
): AdminResult {
  const input = asObject(body);
  const { identitySynchronization, ...partnerPatch } = input;
  const id = partnerId.toLowerCase();
  const now = services.state.now();
  try {
    validatePartnerPatch(partnerPatch, false);
    const update =
      identitySynchronization === undefined || identitySynchronization === null
        ? undefined
        : parseIdentitySynchronizationBody(asObject(identitySynchronization));
    const record = tenant.partners.get(id) ?? newPartnerRecord(id, now);
    tenant.partners.set(id, record);
    applyPartnerPatch(record, partnerPatch, now);
    if (identitySynchronization === null) {
      setIdentitySynchronization(record, null, now);
    } else if (update !== undefined) {
      const current = record.identitySynchronization ?? { tenantId: id, displayName: null, userSyncInbound: null };
      setIdentitySynchronization(record, { ...current, ...update }, now);
    }
    return { status: 200, body: { ...record.resource, identitySynchronization: record.identitySynchronization } };
  } catch (error) {
    if (error instanceof GraphError) {
      throw new AdminError(400, error.message);
    }
    throw error;
  }
}

function putGrants(tenant: TenantDirectory, body: unknown): AdminResult {
  const input = asObject(body);
  const { clientId, roles } = input;
  if (typeof clientId !== "string" || clientId === "") {
    throw new AdminError(400, "'clientId' is required.");
  }
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === "string")) {
    throw new AdminError(400, "'roles' must be an array of app role names, e.g. [\"Policy.Read.All\"].");
  }
  tenant.grants.set(clientId.toLowerCase(), [...(roles as string[])]);
  return { status: 200, body: { clientId: clientId.toLowerCase(), roles } };
}

/** Handles `/_emulator/tenants/...` admin requests; `segments` follow `tenants`. */
export function handleTenantAdmin(
  services: EmulatorServices,
  method: string,
  segments: string[],
  body: unknown,
): AdminResult {
  const { state } = services;
  if (segments.length === 0 && method === "GET") {
    const tenants = [...state.tenants.values()].map((tenant) => ({
      tenantId: tenant.tenantId,
      displayName: tenant.displayName,
      defaultDomainName: tenant.domains[0] ?? null,
    }));
    return { status: 200, body: tenants };
  }
  if (segments.length === 0 && method === "POST") {
    const request = parseCreateTenantRequest(body);
    if (state.findTenant(request.defaultDomainName) !== undefined) {
      throw new AdminError(409, `A tenant with the domain '${request.defaultDomainName}' exists already.`);
    }
    const created = buildCreatedTenant(request, state.now());
    state.tenants.set(created.tenantId, created);
    return { status: 201, body: dumpTenant(created) };
  }
  const tenant = state.findTenant(segments[0] ?? "");
  if (tenant === undefined) {
    throw new AdminError(404, `Tenant '${segments[0]}' was not found. GET /_emulator/tenants lists the tenants.`);
  }

  const request = `${method} ${segments.slice(1).join("/")}`;
  let match: RegExpExecArray | null;
  if (request === "GET ") {
    return { status: 200, body: dumpTenant(tenant) };
  }
  if ((match = /^PATCH partners\/([^/]+)$/.exec(request)) !== null) {
    return patchPartner(services, tenant, match[1] ?? "", body);
  }
  if ((match = /^PATCH users\/([^/]+)$/.exec(request)) !== null) {
    return patchUser(tenant, match[1] ?? "", asObject(body));
  }
  if (request === "PUT grants") {
    return putGrants(tenant, body);
  }
  const quarantinePattern = /^POST servicePrincipals\/([^/]+)\/synchronization\/jobs\/([^/]+)\/quarantine$/;
  if ((match = quarantinePattern.exec(request)) !== null) {
    return quarantine(services, tenant, match[1] ?? "", match[2] ?? "", body);
  }
  if ((match = /^POST servicePrincipals\/([^/]+)\/synchronization\/expireSecrets$/.exec(request)) !== null) {
    requireSyncTarget(tenant, match[1] ?? "").sp.secretsExpired = true;
    return { status: 204 };
  }
  throw new AdminError(404, `No admin route for ${method} /_emulator/tenants/${segments.join("/")}.`);
}
