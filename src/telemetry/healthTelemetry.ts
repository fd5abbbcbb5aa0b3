import type { HealthCheckResult } from "../registry/tenantPairRecord";
import type { HealthSweepMetrics } from "../shared/healthContracts";
import type { TenantPairIds } from "../shared/onboardingContracts";
import { trackEvent, type TelemetryMeasurements, type TelemetryProperties } from "./appInsights";

/** Names of the custom events that health checks send to Application Insights. */
export const HealthEventNames = {
  pairChecked: "TenantPairHealthChecked",
  sweepCompleted: "TenantPairHealthSweepCompleted",
} as const;

/** Destination of custom events. Tests pass a recording sink, and the app passes the Application Insights one. */
export interface TelemetrySink {
  trackEvent(name: string, properties: TelemetryProperties, measurements: TelemetryMeasurements): void;
}

/** Sends to Application Insights when it was started with a connection string, and nowhere otherwise. */
export const appInsightsSink: TelemetrySink = { trackEvent };

/** Sends one `TenantPairHealthChecked` event: the verdict, the rules that found something, and the duration. */
export function sendPairChecked(sink: TelemetrySink, pair: TenantPairIds, result: HealthCheckResult): void {
  const rules = [...new Set(result.findings.map((finding) => finding.rule))];
  sink.trackEvent(
    HealthEventNames.pairChecked,
    {
      sourceTenantId: pair.sourceTenantId,
      targetTenantId: pair.targetTenantId,
      verdict: result.verdict,
      rules: rules.join(","),
      remediations: result.remediations.map((item) => `${item.action}:${item.outcome}`).join(","),
      instanceId: result.instanceId,
      checkedAt: result.checkedAt,
    },
    { durationMs: result.durationMs, findingCount: result.findings.length },
  );
}

/** Sends one `TenantPairHealthSweepCompleted` event with the number of pairs per verdict and the run's duration. */
export function sendSweepCompleted(sink: TelemetrySink, metrics: HealthSweepMetrics): void {
  sink.trackEvent(
    HealthEventNames.sweepCompleted,
    { instanceId: metrics.instanceId },
    {
      pairCount: metrics.pairCount,
      healthyPairs: metrics.pairsByVerdict.healthy,
      degradedPairs: metrics.pairsByVerdict.degraded,
      unhealthyPairs: metrics.pairsByVerdict.unhealthy,
      failedChecks: metrics.failedChecks,
      durationMs: metrics.durationMs,
    },
  );
}
