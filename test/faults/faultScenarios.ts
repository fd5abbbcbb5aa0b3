/**
 * The fault matrix: every onboarding step that calls Graph, each with the request that characterises it, crossed with
 * the fault kinds below. Paths are regular expressions on the path after the version, as the emulator's fault
 * injection expects.
 */

export type TenantSide = "source" | "target";

export type FaultKind = "throttled" | "unavailable" | "slow" | "forbidden" | "badRequest" | "notFoundAfterCreate";

/** Fault kinds that a healthy service rides out; the onboarding must complete. */
export const TRANSIENT_FAULTS: readonly FaultKind[] = ["throttled", "unavailable", "slow", "notFoundAfterCreate"];

/** Client timeout of the host under test, and the delay of a slow response, which must exceed it. */
export const REQUEST_TIMEOUT_MS = 2000;
const SLOW_RESPONSE_MS = 3000;

export interface StepRequest {
  step: string;
  side: TenantSide;
  method: string;
  path: string;
  /**
   * The request that reads or changes an object this run created moments earlier, and how to fail it with 404.
   * Absent for steps that act on nothing the run created.
   */
  notFound?: { method: string; path: string; when: "before" | "after" };
  /**
   * Set for a step whose rollback sends the step's request again. The permanent fault then fails only once, so the
   * rollback's own requests succeed. One failure is enough because a Graph error that is not transient fails the
   * step without a retry. `setupFault` is armed too, to bring the tenants into the state that the row tests.
   */
  rollbackRepeatsRequest?: { setupFault: FaultBody };
}

const PARTNERS = "^/policies/crossTenantAccessPolicy/partners";
const SERVICE_PRINCIPAL = "^/servicePrincipals/[^/]+";

export const STEP_REQUESTS: readonly StepRequest[] = [
  // The starter looks the tenants up too; faultStack.ts lets it pass before the step's lookup meets the fault.
  { step: "resolveTenants", side: "source", method: "GET", path: "^/tenantRelationships/" },
  { step: "ensureTargetPartner", side: "target", method: "POST", path: `${PARTNERS}$` },
  {
    step: "allowInboundSync",
    side: "target",
    method: "PUT",
    path: `${PARTNERS}/[^/]+/identitySynchronization$`,
    notFound: { method: "PUT", path: `${PARTNERS}/[^/]+/identitySynchronization$`, when: "before" },
  },
  {
    step: "enableTargetAutoRedemption",
    side: "target",
    method: "PATCH",
    path: `${PARTNERS}/[^/]+$`,
    notFound: { method: "GET", path: `${PARTNERS}/[^/]+$`, when: "before" },
  },
  { step: "ensureSourcePartner", side: "source", method: "POST", path: `${PARTNERS}$` },
  {
    step: "enableSourceAutoRedemption",
    side: "source",
    method: "PATCH",
    path: `${PARTNERS}/[^/]+$`,
    notFound: { method: "GET", path: `${PARTNERS}/[^/]+$`, when: "before" },
  },
  {
    step: "createSyncApplication",
    side: "source",
    method: "POST",
    path: "^/applicationTemplates/[^/]+/instantiate$",
    // Graph has been seen to return 404 from instantiate after it created both objects.
    notFound: { method: "POST", path: "^/applicationTemplates/[^/]+/instantiate$", when: "after" },
  },
  {
    step: "waitForServicePrincipal",
    side: "source",
    method: "GET",
    path: `${SERVICE_PRINCIPAL}$`,
    notFound: { method: "GET", path: `${SERVICE_PRINCIPAL}$`, when: "before" },
  },
  {
    step: "validateSyncCredentials",
    side: "source",
    method: "POST",
    path: `${SERVICE_PRINCIPAL}/synchronization/jobs/validateCredentials$`,
    notFound: {
      method: "POST",
      path: `${SERVICE_PRINCIPAL}/synchronization/jobs/validateCredentials$`,
      when: "before",
    },
  },
  {
    step: "createSyncJob",
    side: "source",
    method: "POST",
    path: `${SERVICE_PRINCIPAL}/synchronization/jobs$`,
    notFound: { method: "POST", path: `${SERVICE_PRINCIPAL}/synchronization/jobs$`, when: "before" },
  },
  {
    step: "saveSyncSecrets",
    side: "source",
    method: "PUT",
    path: `${SERVICE_PRINCIPAL}/synchronization/secrets$`,
    notFound: { method: "PUT", path: `${SERVICE_PRINCIPAL}/synchronization/secrets$`, when: "before" },
  },
  {
    step: "assignPrincipals",
    side: "source",
    method: "POST",
    path: `${SERVICE_PRINCIPAL}/appRoleAssignedTo$`,
    // A 404 from the assignment itself names a missing user or group, so replication shows on the list before it.
    notFound: { method: "GET", path: `${SERVICE_PRINCIPAL}/appRoleAssignedTo$`, when: "before" },
  },
  {
    step: "startSyncJob",
    side: "source",
    method: "POST",
    path: `${SERVICE_PRINCIPAL}/synchronization/jobs/[^/]+/start$`,
    notFound: { method: "POST", path: `${SERVICE_PRINCIPAL}/synchronization/jobs/[^/]+/start$`, when: "before" },
  },
  {
    step: "waitForFirstCycle",
    side: "source",
    method: "GET",
    path: `${SERVICE_PRINCIPAL}/synchronization/jobs/[^/]+$`,
    notFound: { method: "GET", path: `${SERVICE_PRINCIPAL}/synchronization/jobs/[^/]+$`, when: "before" },
    rollbackRepeatsRequest: {
      // Holds the start response for 1.5 s, past the first cycle (500 ms after start with the test emulator's
      // timings), so the first cycle has synced users when the step fails. The rollback must wait for cycles to
      // delete them, reading the same job.
      setupFault: {
        method: "POST",
        path: `${SERVICE_PRINCIPAL}/synchronization/jobs/[^/]+/start$`,
        delayMs: 1500,
        when: "after",
        times: 1,
      },
    },
  },
];

/** Body of `POST /_emulator/faults`, without the tenant. */
export interface FaultBody {
  method: string;
  path: string;
  status?: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  times: number;
  delayMs?: number;
  when?: "before" | "after";
}

/** Often enough that every retry of the step meets the fault. */
const PERMANENT_TIMES = 1000;

/** Returns the fault of one matrix cell, or undefined when the cell does not apply to the step. */
export function faultFor(request: StepRequest, kind: FaultKind): FaultBody | undefined {
  const target = { method: request.method, path: request.path };
  const permanentTimes = request.rollbackRepeatsRequest === undefined ? PERMANENT_TIMES : 1;
  switch (kind) {
    case "throttled":
      // Two 429s in a row: the Graph client's own retries honour Retry-After.
      return {
        ...target,
        status: 429,
        code: "Request_ThrottledTemporarily",
        retryAfterSeconds: 1,
        times: 2,
      };
    case "unavailable":
      return { ...target, status: 503, code: "ServiceUnavailable", times: 2 };
    case "slow":
      return { ...target, delayMs: SLOW_RESPONSE_MS, times: 1 };
    case "forbidden":
      return {
        ...target,
        status: 403,
        code: "Authorization_RequestDenied",
        message: "Insufficient privileges to complete the operation.",
        times: permanentTimes,
      };
    case "badRequest":
      return { ...target, status: 400, code: "Request_BadRequest", message: "Invalid request.", times: permanentTimes };
    case "notFoundAfterCreate":
      if (request.notFound === undefined) {
        return undefined;
      }
      return {
        method: request.notFound.method,
        path: request.notFound.path,
        status: 404,
        code: "Request_ResourceNotFound",
        message: "Resource does not exist or one of its queried reference-property objects are not present.",
        when: request.notFound.when,
        times: 2,
      };
  }
}
