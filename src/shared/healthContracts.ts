/**
 * Inputs and outputs of the health-check orchestrators and activities. Everything here is stored in orchestration
 * history in plain text, so no type may hold a secret, token or credential.
 */
import type { HealthCheckResult, HealthVerdict, TenantPairState } from "../registry/tenantPairRecord";
import type { SyncJobStatus, TenantPairIds } from "./onboardingContracts";

/** The parts of a registered pair that a health check reads. */
export interface HealthCheckTarget extends TenantPairIds {
  state: TenantPairState;
  /** Display name written on the identity synchronization policy when it is re-applied. */
  configurationName: string;
  servicePrincipalId: string | null;
  jobId: string | null;
  /** When the pair was registered: the reference for a job that has never completed a cycle. */
  registeredAt: string;
}

export interface CheckTenantPairInput {
  target: HealthCheckTarget;
  /** Copied from HEALTH_REMEDIATION_ENABLED, because orchestrators may not read settings. */
  remediationEnabled: boolean;
}

export interface CheckAllTenantPairsInput {
  /** Copied from HEALTH_CHECK_MAX_PARALLEL. */
  maxParallel: number;
  remediationEnabled: boolean;
}

export interface ListTenantPairsInput {
  pageSize: number;
  continuationToken?: string;
}

export interface ListTenantPairsOutput {
  /** Pairs of this page to check. */
  targets: HealthCheckTarget[];
  /** Pairs of this page left out because they are onboarding, offboarding or offboarded. */
  skipped: number;
  continuationToken?: string;
}

/** `inspectTenantPair` reads the pair by its ids; only the ids and the reference time matter to it. */
export type InspectTenantPairInput = Omit<HealthCheckTarget, "state" | "configurationName">;

/** Result of validating the saved sync credentials; `checked` is false when there was no service principal. */
export type CredentialFacts =
  { checked: false } | { checked: true; valid: true } | { checked: true; valid: false; code: string; message: string };

/** Provisioning-log failures of one error code in the inspected window. */
export interface ProvisioningFailureGroup {
  code: string;
  count: number;
  /** `activityDateTime` of the newest failure with this code. */
  lastSeen: string;
  /** Reason text of the newest failure with this code. */
  reason: string;
}

/**
 * Facts that `inspectTenantPair` read from Graph, not yet judged. A policy flag is null when the partner or policy is
 * missing or the flag is not set (inherited).
 */
export interface TenantPairFacts {
  inspectedAt: string;
  registeredAt: string;
  servicePrincipalExists: boolean;
  /** Null when the job was not found (or there is no service principal to look on). */
  job: SyncJobFacts | null;
  credentials: CredentialFacts;
  provisioningFailures: ProvisioningFailureGroup[];
  /** Start of the window whose provisioning logs were read. */
  provisioningLogSince: string;
  targetIsSyncAllowed: boolean | null;
  targetInboundAllowed: boolean | null;
  sourceOutboundAllowed: boolean | null;
}

export interface SyncJobFacts extends SyncJobStatus {
  /** Graph's `steadyStateLastAchievedTime`; null when it was never reached. */
  steadyStateLastAchievedTime: string | null;
}

/** Input of `restartSyncJob`. */
export interface RestartSyncJobInput {
  sourceTenantId: string;
  servicePrincipalId: string;
  jobId: string;
}

export interface RecordHealthCheckInput extends TenantPairIds {
  result: HealthCheckResult;
}

export interface RecordHealthCheckOutput {
  /** False when the pair was no longer registered, or was offboarding or offboarded, so nothing was written. */
  recorded: boolean;
  state: TenantPairState | null;
}

/** Output of `checkTenantPair`: the result as recorded, with the pair it belongs to. */
export interface TenantPairHealth extends TenantPairIds {
  result: HealthCheckResult;
}

export interface HealthSweepMetrics {
  instanceId: string;
  pairCount: number;
  pairsByVerdict: Record<HealthVerdict, number>;
  /** Pairs whose check failed with an error, so they have no verdict. */
  failedChecks: number;
  durationMs: number;
}

/** Output of `checkAllTenantPairs`. */
export interface HealthSweepSummary extends HealthSweepMetrics {
  /** Pairs not checked because they are onboarding, offboarding or offboarded. */
  skippedPairs: number;
  failures: { sourceTenantId: string; targetTenantId: string; message: string }[];
}
