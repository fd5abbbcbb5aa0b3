import { TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import type { OnboardingStepName } from "../../src/shared/onboardingStatus";

/**
 * Where in a step the host dies:
 * - `before`: the step's activity is running but its write has not reached the emulator;
 * - `during`: the write has reached the emulator and is held there, not yet applied;
 * - `after`: the write is applied but its response is held, so the activity never sees it;
 * - `timer`: the step waits on a durable timer.
 */
export type KillMoment = "before" | "during" | "after" | "timer";

export interface KillPoint {
  step: OnboardingStepName;
  moment: KillMoment;
}

/** One Graph request as the emulator's faults match it: method, path regex after the version, caller's tenant. */
export interface RequestPattern {
  method: "GET" | "POST" | "PUT" | "PATCH";
  path: string;
  tenantId: string;
}

const SOURCE = TENANT_A_ID;
const TARGET = TENANT_B_ID;
const PARTNERS = "^/policies/crossTenantAccessPolicy/partners";
const SYNCHRONIZATION = "^/servicePrincipals/[^/]+/synchronization";

/**
 * The Graph requests of each step that writes: the write that kill points hold, and the read the activity sends
 * before it when there is one. A step without such a read is killed "before" while it waits to retry a write that
 * failed with a 500, which the emulator rejected before applying anything.
 */
export const stepRequests = {
  ensureTargetPartner: { write: { method: "POST", path: `${PARTNERS}$`, tenantId: TARGET } },
  allowInboundSync: {
    write: { method: "PUT", path: `${PARTNERS}/[^/]+/identitySynchronization$`, tenantId: TARGET },
  },
  enableTargetAutoRedemption: {
    firstRead: { method: "GET", path: `${PARTNERS}/[^/]+$`, tenantId: TARGET },
    write: { method: "PATCH", path: `${PARTNERS}/[^/]+$`, tenantId: TARGET },
  },
  ensureSourcePartner: { write: { method: "POST", path: `${PARTNERS}$`, tenantId: SOURCE } },
  enableSourceAutoRedemption: {
    firstRead: { method: "GET", path: `${PARTNERS}/[^/]+$`, tenantId: SOURCE },
    write: { method: "PATCH", path: `${PARTNERS}/[^/]+$`, tenantId: SOURCE },
  },
  createSyncApplication: {
    firstRead: { method: "GET", path: "^/applications$", tenantId: SOURCE },
    write: { method: "POST", path: "^/applicationTemplates/[^/]+/instantiate$", tenantId: SOURCE },
  },
  createSyncJob: {
    firstRead: { method: "GET", path: `${SYNCHRONIZATION}/jobs$`, tenantId: SOURCE },
    write: { method: "POST", path: `${SYNCHRONIZATION}/jobs$`, tenantId: SOURCE },
  },
  saveSyncSecrets: { write: { method: "PUT", path: `${SYNCHRONIZATION}/secrets$`, tenantId: SOURCE } },
  assignPrincipals: {
    firstRead: { method: "GET", path: "^/servicePrincipals/[^/]+/appRoleAssignedTo$", tenantId: SOURCE },
    write: { method: "POST", path: "^/servicePrincipals/[^/]+/appRoleAssignedTo$", tenantId: SOURCE },
  },
  startSyncJob: { write: { method: "POST", path: `${SYNCHRONIZATION}/jobs/[^/]+/start$`, tenantId: SOURCE } },
} satisfies Record<string, { write: RequestPattern; firstRead?: RequestPattern }>;

export type WriteStep = keyof typeof stepRequests;

export const WRITE_STEPS = Object.keys(stepRequests) as WriteStep[];

/** Steps that wait on a durable timer between polls. */
export const WAITING_STEPS = ["waitForServicePrincipal", "validateSyncCredentials", "waitForFirstCycle"] as const;

export function isWriteStep(step: OnboardingStepName): step is WriteStep {
  return step in stepRequests;
}

/** Returns the kill points of one onboarding in the order the steps run. */
export function killPointsInStepOrder(
  moment: Exclude<KillMoment, "timer">,
  waitingSteps: ReadonlyArray<(typeof WAITING_STEPS)[number]>,
  stepOrder: readonly OnboardingStepName[],
): KillPoint[] {
  return stepOrder.flatMap((step): KillPoint[] => {
    if (isWriteStep(step)) {
      return [{ step, moment }];
    }
    return (waitingSteps as readonly string[]).includes(step) ? [{ step, moment: "timer" }] : [];
  });
}
