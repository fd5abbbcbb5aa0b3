import type { DeprovisioningProgress, OffboardingSubject } from "../../../src/shared/offboardingContracts";
import type { OffboardingRequest } from "../../../src/shared/offboardingRequest";
import type { SyncJobStatus } from "../../../src/shared/onboardingContracts";

export const SOURCE = "11111111-1111-4111-8111-111111111111";
export const TARGET = "22222222-2222-4222-8222-222222222222";
export const SP = "sp-1";
export const JOB = "Azure2Azure.job";

export const request: OffboardingRequest = {
  sourceTenantId: SOURCE,
  targetTenantId: TARGET,
  keepSyncedUsers: false,
  deprovisionTimeoutSeconds: 600,
};

/** Builds the subject of a pair onboarded from scratch: everything created, one flag changed in each tenant. */
export function createdSubject(): OffboardingSubject {
  return {
    applicationId: "app-1",
    servicePrincipalId: SP,
    jobId: JOB,
    objects: {
      target: [
        { type: "partner", id: SOURCE, created: true },
        { type: "identitySynchronization", id: SOURCE, created: true, detail: { previousIsSyncAllowed: null } },
        {
          type: "policyFlag",
          id: `partners/${SOURCE}/automaticUserConsentSettings.inboundAllowed`,
          created: true,
          detail: { previousValue: null },
        },
      ],
      source: [
        { type: "partner", id: TARGET, created: true },
        {
          type: "policyFlag",
          id: `partners/${TARGET}/automaticUserConsentSettings.outboundAllowed`,
          created: true,
          detail: { previousValue: null },
        },
        { type: "application", id: "app-1", created: true, detail: { appId: "appid-1" } },
        { type: "servicePrincipal", id: SP, created: true },
        { type: "synchronizationJob", id: JOB, created: true, detail: { servicePrincipalId: SP } },
        { type: "appRoleAssignment", id: "assignment-1", created: true },
      ],
    },
  };
}

/** Builds the subject of a pair whose partners, policy, application and job existed before onboarding. Only one assignment was made by the service. */
export function adoptedSubject(): OffboardingSubject {
  return {
    applicationId: "app-1",
    servicePrincipalId: SP,
    jobId: JOB,
    objects: {
      target: [
        { type: "partner", id: SOURCE, created: false },
        { type: "identitySynchronization", id: SOURCE, created: false, detail: { previousIsSyncAllowed: false } },
      ],
      source: [
        { type: "partner", id: TARGET, created: false },
        { type: "application", id: "app-1", created: false },
        { type: "servicePrincipal", id: SP, created: false },
        { type: "synchronizationJob", id: JOB, created: false, detail: { servicePrincipalId: SP } },
        { type: "appRoleAssignment", id: "assignment-1", created: true },
        { type: "appRoleAssignment", id: "assignment-0", created: false },
      ],
    },
  };
}

export function jobStatus(overrides: Partial<SyncJobStatus> = {}): SyncJobStatus {
  return {
    jobId: JOB,
    scheduleState: "Active",
    statusCode: "Active",
    countSuccessiveCompleteFailures: 0,
    lastExecution: null,
    lastSuccessfulExecution: null,
    quarantine: null,
    ...overrides,
  };
}

/** Progress after a successful cycle that began at `began`, with `left` synchronized entries. */
export function progressAfterCycle(began: string, left: number | null, deleted = 3): DeprovisioningProgress {
  const execution = {
    state: "Succeeded",
    timeBegan: began,
    timeEnded: began,
    countEntitled: 0,
    countExported: deleted,
    countEscrowed: 0,
    errorCode: null,
  };
  return {
    job: jobStatus({ lastExecution: execution, lastSuccessfulExecution: execution }),
    synchronizedCount: left,
    deletedCount: deleted,
  };
}
