import "./testEnvironment";

import { InvocationContext } from "@azure/functions";
import { describe, expect, it } from "vitest";

import { createEmitHealthMetricsHandler } from "../../src/activities/emitHealthMetrics";
import { createListTenantPairsHandler } from "../../src/activities/listTenantPairs";
import { applyHealthResult, createRecordHealthCheckHandler } from "../../src/activities/recordHealthCheck";
import { HEALTH_HISTORY_LIMIT, type HealthCheckResult } from "../../src/registry/tenantPairRecord";
import type { TelemetrySink } from "../../src/telemetry/healthTelemetry";
import { MemoryRegistry, pairRecord } from "./support/memoryRegistry";

function context(): InvocationContext {
  return new InvocationContext({ invocationId: "test", functionName: "activity", logHandler: () => undefined });
}

class RecordingSink implements TelemetrySink {
  readonly events: { name: string; properties: Record<string, string>; measurements: Record<string, number> }[] = [];
  trackEvent(name: string, properties: Record<string, string>, measurements: Record<string, number>): void {
    this.events.push({ name, properties, measurements });
  }
}

function result(verdict: HealthCheckResult["verdict"], checkedAt = "2026-12-04T16:30:00.000Z"): HealthCheckResult {
  return {
    checkedAt,
    verdict,
    findings:
      verdict === "healthy"
        ? []
        : [
            { rule: "jobPaused", severity: verdict, reason: "Paused." },
            { rule: "jobPaused", severity: verdict, reason: "Again." },
          ],
    durationMs: 2500,
    remediations: [],
    instanceId: `check-${checkedAt}`,
  };
}

describe("recordHealthCheck", () => {
  it("stores the result first and sets the state from the verdict", async () => {
    const registry = new MemoryRegistry();
    const record = await registry.upsert(
      pairRecord(1, { healthHistory: [result("healthy", "2026-12-04T16:00:00.000Z")] }),
    );
    const sink = new RecordingSink();
    const handler = createRecordHealthCheckHandler({ getRegistry: () => registry, sink });
    const pair = { sourceTenantId: record.sourceTenantId, targetTenantId: record.targetTenantId };

    const output = await handler({ ...pair, result: result("degraded") }, context());

    expect(output).toEqual({ recorded: true, state: "degraded" });
    const stored = await registry.get(pair.sourceTenantId, pair.targetTenantId);
    expect(stored?.healthHistory.map((entry) => entry.verdict)).toEqual(["degraded", "healthy"]);
    expect(sink.events).toHaveLength(1);
    expect(sink.events[0]?.name).toBe("TenantPairHealthChecked");
    expect(sink.events[0]?.properties).toMatchObject({ ...pair, verdict: "degraded", rules: "jobPaused" });
    expect(sink.events[0]?.measurements).toEqual({ durationMs: 2500, findingCount: 2 });
  });

  it("still sends the event for a pair no longer registered", async () => {
    const sink = new RecordingSink();
    const handler = createRecordHealthCheckHandler({ getRegistry: () => new MemoryRegistry(), sink });
    const pair = { sourceTenantId: pairRecord(9).sourceTenantId, targetTenantId: pairRecord(9).targetTenantId };
    await expect(handler({ ...pair, result: result("healthy") }, context())).resolves.toEqual({
      recorded: false,
      state: null,
    });
    expect(sink.events).toHaveLength(1);
  });
});

describe("recordHealthCheck on an offboarded pair", () => {
  for (const state of ["offboarding", "offboarded"] as const) {
    it(`leaves an ${state} record unchanged`, async () => {
      const registry = new MemoryRegistry();
      const record = await registry.upsert(pairRecord(2, { state }));
      const sink = new RecordingSink();
      const handler = createRecordHealthCheckHandler({ getRegistry: () => registry, sink });
      const pair = { sourceTenantId: record.sourceTenantId, targetTenantId: record.targetTenantId };

      const output = await handler({ ...pair, result: result("unhealthy") }, context());

      expect(output).toEqual({ recorded: false, state });
      expect(await registry.get(pair.sourceTenantId, pair.targetTenantId)).toEqual(record);
      expect(sink.events).toHaveLength(1);
    });
  }
});

describe("applyHealthResult", () => {
  it.each([
    ["active", "unhealthy", "unhealthy"],
    ["unhealthy", "healthy", "active"],
    ["degraded", "degraded", "degraded"],
    ["failed", "healthy", "active"],
    ["onboarding", "unhealthy", "onboarding"],
    ["offboarding", "unhealthy", "offboarding"],
    ["offboarded", "healthy", "offboarded"],
  ] as const)("turns state %s with a %s verdict into %s", (state, verdict, expected) => {
    expect(applyHealthResult(pairRecord(1, { state }), result(verdict)).state).toBe(expected);
  });

  it("keeps at most the history limit, newest first", () => {
    const history = Array.from({ length: HEALTH_HISTORY_LIMIT }, (_, index) =>
      result("healthy", new Date(Date.UTC(2026, 11, 3, 0, index)).toISOString()),
    );
    const updated = applyHealthResult(pairRecord(1, { healthHistory: history }), result("unhealthy"));
    expect(updated.healthHistory).toHaveLength(HEALTH_HISTORY_LIMIT);
    expect(updated.healthHistory[0]?.verdict).toBe("unhealthy");
    expect(updated.healthHistory[1]).toEqual(history[0]);
  });

  it("replaces a result recorded twice instead of adding it again", () => {
    const once = applyHealthResult(pairRecord(1), result("degraded"));
    const twice = applyHealthResult(once, result("degraded"));
    expect(twice.healthHistory).toHaveLength(1);
  });
});

describe("listTenantPairs", () => {
  it("returns a page of pairs to check, skipping those being onboarded or offboarded", async () => {
    const registry = new MemoryRegistry();
    const states = ["active", "onboarding", "degraded", "offboarding", "offboarded", "failed"] as const;
    for (const [index, state] of states.entries()) {
      await registry.upsert(pairRecord(index, { state }));
    }
    const handler = createListTenantPairsHandler(() => registry);
    const first = await handler({ pageSize: 4 }, context());
    expect(first.targets.map((target) => target.state)).toEqual(["active", "degraded"]);
    expect(first.skipped).toBe(2);
    expect(first.continuationToken).toBe("4");
    expect(first.targets[0]).toEqual({
      sourceTenantId: pairRecord(0).sourceTenantId,
      targetTenantId: pairRecord(0).targetTenantId,
      state: "active",
      configurationName: "Pair 0",
      servicePrincipalId: "sp-0",
      jobId: "job-0",
      registeredAt: "2026-12-01T00:00:00.000Z",
    });
    const second = await handler({ pageSize: 4, continuationToken: "4" }, context());
    expect(second.targets.map((target) => target.state)).toEqual(["failed"]);
    expect(second.skipped).toBe(1);
    expect(second.continuationToken).toBeUndefined();
  });
});

describe("emitHealthMetrics", () => {
  it("sends one sweep event with the counts as measurements", async () => {
    const sink = new RecordingSink();
    const metrics = {
      instanceId: "health-2026-12-04T16:30:00Z",
      pairCount: 6,
      pairsByVerdict: { healthy: 3, degraded: 1, unhealthy: 2 },
      failedChecks: 0,
      durationMs: 4200,
    };
    await createEmitHealthMetricsHandler(sink)(metrics, context());
    expect(sink.events).toEqual([
      {
        name: "TenantPairHealthSweepCompleted",
        properties: { instanceId: "health-2026-12-04T16:30:00Z" },
        measurements: {
          pairCount: 6,
          healthyPairs: 3,
          degradedPairs: 1,
          unhealthyPairs: 2,
          failedChecks: 0,
          durationMs: 4200,
        },
      },
    ]);
  });
});
