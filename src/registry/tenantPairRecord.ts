import type { TenantObjectRecord } from "../shared/onboardingResult";
import type { OffboardingRecord } from "./offboardingRecord";

/**
 * The service's record of one tenant pair it manages, stored in Azure Table Storage (table `TenantPairs`,
 * partition key = source tenant id, row key = target tenant id) through `@azure/data-tables`. No secret is stored.
 */

export type TenantPairState =
  "onboarding" | "active" | "degraded" | "unhealthy" | "failed" | "offboarding" | "offboarded";

export type HealthVerdict = "healthy" | "degraded" | "unhealthy";

/** One finding of a health check, e.g. `{ rule: "jobQuarantined", severity: "unhealthy", reason: "..." }`. */
export interface HealthFinding {
  /** Stable rule id, e.g. "jobQuarantined", "inboundSyncDrift", "credentialsInvalid". */
  rule: string;
  severity: HealthVerdict;
  /** One sentence for people: what is wrong and the values seen. */
  reason: string;
  /** Graph error code or provisioning error code behind the finding, when there is one. */
  code?: string;
}

export interface RemediationRecord {
  /** Stable action id, e.g. "reapplyInboundSync", "restartQuarantinedJob". */
  action: string;
  at: string;
  outcome: "succeeded" | "failed";
  detail: string;
}

export interface HealthCheckResult {
  checkedAt: string;
  verdict: HealthVerdict;
  findings: HealthFinding[];
  durationMs: number;
  remediations: RemediationRecord[];
  /** Instance id of the orchestration that ran the check. */
  instanceId: string;
}

export interface TenantPairRecord {
  sourceTenantId: string;
  targetTenantId: string;
  sourceDisplayName: string;
  targetDisplayName: string;
  sourceDomainName: string;
  targetDomainName: string;
  configurationName: string;
  state: TenantPairState;
  /** Ids of the synchronization objects in the source tenant; null until onboarding created or adopted them. */
  applicationId: string | null;
  appId: string | null;
  servicePrincipalId: string | null;
  jobId: string | null;
  /** Everything onboarding created or adopted, per tenant; `created` marks the ones the service created. */
  objects: { source: TenantObjectRecord[]; target: TenantObjectRecord[] };
  /** Orchestration that last onboarded, offboarded or checked the pair. */
  lastOnboardingInstanceId: string | null;
  lastOffboardingInstanceId: string | null;
  /** The latest offboarding's progress, outcome or error; absent until the pair is first offboarded. */
  offboarding?: OffboardingRecord;
  /** Newest first, at most `HEALTH_HISTORY_LIMIT` entries. */
  healthHistory: HealthCheckResult[];
  createdAt: string;
  updatedAt: string;
}

/** Health results kept per pair; older ones are dropped so the entity stays well under Table Storage's 1 MB. */
export const HEALTH_HISTORY_LIMIT = 20;
