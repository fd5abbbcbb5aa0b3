import type { TenantInfo } from "./onboardingContracts";

/**
 * Output of a completed `onboardTenantPair` orchestration. It names every object the run created or adopted in each
 * tenant, so that offboarding and a later compensation step know what to undo and what to leave alone.
 */
export interface OnboardingResult {
  source: TenantInfo;
  target: TenantInfo;
  configurationName: string;
  objects: {
    target: TenantObjectRecord[];
    source: TenantObjectRecord[];
  };
  firstCycle: FirstCycleReport;
}

export type TenantObjectType =
  | "partner"
  | "identitySynchronization"
  | "application"
  | "servicePrincipal"
  | "synchronizationJob"
  | "appRoleAssignment"
  | "policyFlag";

/** Values a compensation step needs to restore, e.g. a flag's value before this run changed it. */
export type ObjectDetail = Record<string, string | number | boolean | null>;

/**
 * One directory object or policy setting. `created` is true when this run created it, or for a `policyFlag` when
 * this run changed its value. It is false when the object was already in place and adopted.
 */
export interface TenantObjectRecord {
  type: TenantObjectType;
  id: string;
  created: boolean;
  detail?: ObjectDetail;
}

/** State of the synchronization job when onboarding ended. */
export interface FirstCycleReport {
  /** True when a synchronization cycle ended after the job was started. */
  completed: boolean;
  /** Why waiting stopped: a cycle ended, the job went into quarantine, or the wait timed out. */
  outcome: "cycleEnded" | "quarantined" | "timedOut";
  jobId: string;
  statusCode: string;
  scheduleState: string;
  lastExecutionState: string | null;
  timeEnded: string | null;
  countEntitled: number;
  countExported: number;
  countEscrowed: number;
  errorCode: string | null;
  quarantineReason: string | null;
}
