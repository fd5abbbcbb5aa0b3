import { describe, expect, it } from "vitest";

import { checkAllTenantPairs } from "../../../src/orchestrators/checkAllTenantPairs";
import type { HealthVerdict } from "../../../src/registry/tenantPairRecord";
import type {
  CheckTenantPairInput,
  HealthCheckTarget,
  HealthSweepMetrics,
  HealthSweepSummary,
  ListTenantPairsInput,
} from "../../../src/shared/healthContracts";
import { type CallAnswer, type FakeCall, driveHealthOrchestration } from "./fakeHealthContext";

function target(index: number): HealthCheckTarget {
  const id = String(index).padStart(12, "0");
  return {
    sourceTenantId: `00000000-0000-4000-8000-${id}`,
    targetTenantId: `ffffffff-0000-4000-8000-${id}`,
    state: "active",
    configurationName: `Pair ${index}`,
    servicePrincipalId: `sp-${index}`,
    jobId: `job-${index}`,
    registeredAt: "2026-12-01T00:00:00Z",
  };
}

const VERDICTS: HealthVerdict[] = ["healthy", "degraded", "unhealthy"];

/** Two registry pages of pairs; the check of pair 4 fails, the others get verdicts in turn. */
function answer(call: FakeCall): CallAnswer {
  if (call.name === "listTenantPairs") {
    const page = call.input as ListTenantPairsInput;
    return page.continuationToken === undefined
      ? { output: { targets: [0, 1, 2, 3].map(target), skipped: 2, continuationToken: "page-2" } }
      : { output: { targets: [4, 5, 6].map(target), skipped: 1 } };
  }
  if (call.name === "checkTenantPair") {
    const { target: pair } = call.input as CheckTenantPairInput;
    const index = Number(pair.configurationName.split(" ")[1]);
    if (index === 4) {
      return { error: new Error("Sub-orchestration failed: Graph is down") };
    }
    const verdict = VERDICTS[index % 3] as HealthVerdict;
    return {
      output: { sourceTenantId: pair.sourceTenantId, targetTenantId: pair.targetTenantId, result: { verdict } },
    };
  }
  return { output: null };
}

describe("checkAllTenantPairs", () => {
  it("checks every listed pair with at most maxParallel at once", () => {
    const result = driveHealthOrchestration(checkAllTenantPairs, { maxParallel: 2, remediationEnabled: true }, answer);
    expect(result.error).toBeUndefined();
    const lists = result.calls.filter((call) => call.name === "listTenantPairs");
    expect(lists.map((call) => call.input)).toEqual([
      { pageSize: 100 },
      { pageSize: 100, continuationToken: "page-2" },
    ]);
    const checks = result.calls.filter((call) => call.name === "checkTenantPair");
    expect(checks).toHaveLength(7);
    expect(checks.every((call) => call.kind === "subOrchestration")).toBe(true);
    expect(checks.every((call) => (call.input as CheckTenantPairInput).remediationEnabled)).toBe(true);
    expect(Math.max(...result.anySizes)).toBe(2);
  });

  it("runs all pairs at once when maxParallel allows it", () => {
    const result = driveHealthOrchestration(
      checkAllTenantPairs,
      { maxParallel: 50, remediationEnabled: false },
      answer,
    );
    expect(result.anySizes[0]).toBe(7);
  });

  it("counts verdicts and failures and emits the metrics once", () => {
    const result = driveHealthOrchestration(
      checkAllTenantPairs,
      { maxParallel: 3, remediationEnabled: false },
      answer,
      {
        instanceId: "health-2026-12-04T16:30:00Z",
      },
    );
    const summary = result.output as HealthSweepSummary;
    expect(summary.pairCount).toBe(7);
    expect(summary.pairsByVerdict).toEqual({ healthy: 3, degraded: 1, unhealthy: 2 });
    expect(summary.failedChecks).toBe(1);
    expect(summary.skippedPairs).toBe(3);
    expect(summary.failures).toEqual([
      {
        sourceTenantId: target(4).sourceTenantId,
        targetTenantId: target(4).targetTenantId,
        message: "Sub-orchestration failed: Graph is down",
      },
    ]);
    const metrics = result.calls.filter((call) => call.name === "emitHealthMetrics");
    expect(metrics).toHaveLength(1);
    const emitted = metrics[0]?.input as HealthSweepMetrics;
    expect(emitted).toEqual({
      instanceId: "health-2026-12-04T16:30:00Z",
      pairCount: 7,
      pairsByVerdict: { healthy: 3, degraded: 1, unhealthy: 2 },
      failedChecks: 1,
      durationMs: summary.durationMs,
    });
    expect(emitted.durationMs).toBeGreaterThan(0);
  });

  it("emits metrics for an empty registry", () => {
    const empty = (call: FakeCall): CallAnswer =>
      call.name === "listTenantPairs" ? { output: { targets: [], skipped: 0 } } : { output: null };
    const result = driveHealthOrchestration(checkAllTenantPairs, { maxParallel: 5, remediationEnabled: false }, empty);
    expect((result.output as HealthSweepSummary).pairCount).toBe(0);
    expect(result.calls.map((call) => call.name)).toEqual(["listTenantPairs", "emitHealthMetrics"]);
  });

  it("rejects a maxParallel below one", () => {
    const result = driveHealthOrchestration(checkAllTenantPairs, { maxParallel: 0, remediationEnabled: false }, answer);
    expect(result.error?.message).toContain("maxParallel must be a whole number of at least 1");
  });
});
