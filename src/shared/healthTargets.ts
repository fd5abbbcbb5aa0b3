import type { TenantPairRecord, TenantPairState } from "../registry/tenantPairRecord";
import type { HealthCheckTarget } from "./healthContracts";

/**
 * States in which a pair is not checked and its state is not changed by a check: an onboarding or offboarding
 * orchestration owns the pair then, and an offboarded pair has nothing left to check.
 */
export const UNCHECKED_STATES: ReadonlySet<TenantPairState> = new Set(["onboarding", "offboarding", "offboarded"]);

export function toHealthCheckTarget(record: TenantPairRecord): HealthCheckTarget {
  return {
    sourceTenantId: record.sourceTenantId,
    targetTenantId: record.targetTenantId,
    state: record.state,
    configurationName: record.configurationName,
    servicePrincipalId: record.servicePrincipalId,
    jobId: record.jobId,
    registeredAt: record.createdAt,
  };
}
