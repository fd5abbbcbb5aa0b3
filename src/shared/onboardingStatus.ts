import type { RollbackStatus } from "./rollbackStatus";

/**
 * Custom status of the `onboardTenantPair` orchestration, read back by the status route. Durable Functions limits a
 * custom status to 16 KB of JSON, so records hold short texts and counts, never lists of objects.
 */

/**
 * Onboarding steps in the order they run. Most run one activity; the `waitFor...` steps poll one. `registerPair` and
 * `recordResult` write the tenant-pair registry; `recordResult` runs after a failed run's rollback too.
 */
export const OnboardingStepNames = [
  "resolveTenants",
  "verifyScopePrincipals",
  "snapshotTenantPair",
  "registerPair",
  "ensureTargetPartner",
  "allowInboundSync",
  "enableTargetAutoRedemption",
  "ensureSourcePartner",
  "enableSourceAutoRedemption",
  "createSyncApplication",
  "waitForServicePrincipal",
  "removeDuplicateSyncApplications",
  "validateSyncCredentials",
  "createSyncJob",
  "saveSyncSecrets",
  "assignPrincipals",
  "startSyncJob",
  "waitForFirstCycle",
  "recordResult",
] as const;

export type OnboardingStepName = (typeof OnboardingStepNames)[number];

export type StepState = "pending" | "running" | "waiting" | "succeeded" | "failed";

/** Cause of a step failure, taken from the activity's error text. */
export interface StepError {
  message: string;
  /** Graph's `error.code`, when the failure came from a Graph response. */
  graphCode?: string;
  /** Graph's `request-id`, which Microsoft support requests in a support case. */
  requestId?: string;
}

export interface StepRecord {
  name: OnboardingStepName;
  state: StepState;
  /** Activity calls made so far, retries and polls included. */
  attempts: number;
  /** ISO 8601 times from the orchestration's replay-safe clock. */
  startedAt?: string;
  endedAt?: string;
  /** Condition a waiting step waits for, e.g. "service principal replication". */
  waitingFor?: string;
  /** Short outcome for people, e.g. "created application 5b0d…". */
  detail?: string;
  error?: StepError;
}

export interface OnboardingCustomStatus {
  /** The step running, waiting or failed; the last step once all succeeded; null before the first starts. */
  currentStep: OnboardingStepName | null;
  steps: StepRecord[];
  /** Present once a failed run has started its rollback, or has skipped it. */
  rollback?: RollbackStatus;
}
