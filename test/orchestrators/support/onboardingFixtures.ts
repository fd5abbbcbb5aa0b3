import type { SyncJobStatus } from "../../../src/shared/onboardingContracts";
import type { OnboardingRequest } from "../../../src/shared/onboardingRequest";
import type { TenantPairSnapshot } from "../../../src/shared/tenantPairSnapshot";
import type { ActivityAnswer, FakeTask } from "./fakeOrchestration";

export const SOURCE_ID = "11111111-1111-4111-8111-111111111111";
export const TARGET_ID = "22222222-2222-4222-8222-222222222222";
export const USER_ID = "33333333-3333-4333-8333-333333333333";
export const SP_ID = "44444444-4444-4444-8444-444444444444";
export const APP_ROLE_ID = "55555555-5555-4555-8555-555555555555";
export const JOB_ID = "Azure2Azure.0123456789abcdef0123456789abcdef.44444444-4444-4444-8444-444444444444";

export function onboardingRequest(overrides: Partial<OnboardingRequest> = {}): OnboardingRequest {
  return {
    source: "contoso.onmicrosoft.com",
    target: "fabrikam.onmicrosoft.com",
    sourceTenantId: SOURCE_ID,
    targetTenantId: TARGET_ID,
    scope: { users: [USER_ID], groups: [] },
    waits: { replicationTimeoutSeconds: 600, policyPropagationTimeoutSeconds: 900, firstCycleTimeoutSeconds: 1200 },
    ...overrides,
  };
}

export function jobStatus(overrides: Partial<SyncJobStatus> = {}): SyncJobStatus {
  return {
    jobId: JOB_ID,
    scheduleState: "Active",
    statusCode: "Active",
    countSuccessiveCompleteFailures: 0,
    lastExecution: null,
    lastSuccessfulExecution: null,
    quarantine: null,
    ...overrides,
  };
}

export function finishedCycle(timeEnded: string): SyncJobStatus {
  const execution = {
    state: "Succeeded",
    timeBegan: timeEnded,
    timeEnded,
    countEntitled: 1,
    countExported: 1,
    countEscrowed: 0,
    errorCode: null,
  };
  return jobStatus({ lastExecution: execution, lastSuccessfulExecution: execution });
}

/**
 * The pair's state before the run in `happyAnswer`: the source already has its partner configuration for the target,
 * with `outboundAllowed` inherited, and nothing else exists.
 */
export function snapshotBeforeRun(overrides: Partial<TenantPairSnapshot> = {}): TenantPairSnapshot {
  return {
    targetPartner: { exists: false, inboundAllowed: null },
    identitySynchronization: { exists: false, isSyncAllowed: null },
    sourcePartner: { exists: true, outboundAllowed: null },
    syncApplications: [],
    ...overrides,
  };
}

/**
 * Answers of a tenant pair where nothing exists yet and Graph answers at once: the service principal is ready on
 * the first read and the first cycle has ended on the first status read.
 */
export function happyAnswer(task: Extract<FakeTask, { kind: "activity" }>): ActivityAnswer {
  switch (task.name) {
    case "snapshotTenantPair":
      return { output: snapshotBeforeRun() };
    case "resolveTenants":
      return {
        output: {
          source: { tenantId: SOURCE_ID, displayName: "Contoso", defaultDomainName: "contoso.onmicrosoft.com" },
          target: { tenantId: TARGET_ID, displayName: "Fabrikam", defaultDomainName: "fabrikam.onmicrosoft.com" },
        },
      };
    case "verifyScopePrincipals":
      return { output: { users: 1, guestUsers: 0, disabledUsers: 0, groups: 0 } };
    case "ensureTargetPartner":
      return { output: { id: SOURCE_ID, created: true } };
    case "ensureSourcePartner":
      return { output: { id: TARGET_ID, created: false } };
    case "allowInboundSync":
      return { output: { created: true, previousIsSyncAllowed: null } };
    case "enableTargetAutoRedemption":
    case "enableSourceAutoRedemption":
      return { output: { changed: true, previousValue: null } };
    case "createSyncApplication":
      return { output: { applicationId: "app-object-id", appId: "app-id", servicePrincipalId: SP_ID, created: true } };
    case "readServicePrincipal":
      return { output: { ready: true, appRoleId: APP_ROLE_ID } };
    case "removeDuplicateSyncApplications":
      return { output: { removed: [] } };
    case "validateSyncCredentials":
      return { output: { valid: true } };
    case "createSyncJob":
      return { output: { id: JOB_ID, created: true } };
    case "saveSyncSecrets":
    case "startSyncJob":
      return { output: null };
    case "assignPrincipals":
      return {
        output: {
          assignments: [{ principalId: USER_ID, principalType: "User", assignmentId: "assignment-1", created: true }],
        },
      };
    case "readSyncJobStatus":
      return { output: finishedCycle("2030-01-01T00:00:00Z") };
    case "recordOnboardingStarted":
      return { output: { state: "onboarding" } };
    case "recordOnboardingSucceeded":
      return { output: { state: "active" } };
    case "recordOnboardingFailed":
      return { output: { state: "failed" } };
    default:
      return { error: new Error(`The fixture has no answer for activity ${task.name}.`) };
  }
}

/** A Durable task failure as the library throws it when the host reports only `Reason` and `Details`. */
export function activityFailure(name: string, message: string): Error {
  return new Error(`Activity function '${name}' failed: ${message} \n Error: ${message}\n    at stack (file.js:1:1)`);
}

export function graphErrorText(kind: string, status: number, code: string): string {
  return `Graph ${kind} error ${status} ${code} on POST /servicePrincipals/${SP_ID}/synchronization/jobs: went wrong (request-id abc-123)`;
}
