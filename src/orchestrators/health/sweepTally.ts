import type { HealthVerdict } from "../../registry/tenantPairRecord";
import type { HealthSweepSummary, TenantPairHealth } from "../../shared/healthContracts";

/** Counts the results of a health-check run into its summary. */
export function tallySweep(
  instanceId: string,
  results: readonly TenantPairHealth[],
  failures: HealthSweepSummary["failures"],
  skippedPairs: number,
  durationMs: number,
): HealthSweepSummary {
  const pairsByVerdict: Record<HealthVerdict, number> = { healthy: 0, degraded: 0, unhealthy: 0 };
  for (const { result } of results) {
    pairsByVerdict[result.verdict] += 1;
  }
  return {
    instanceId,
    pairCount: results.length + failures.length,
    pairsByVerdict,
    failedChecks: failures.length,
    durationMs,
    skippedPairs,
    failures: [...failures],
  };
}
