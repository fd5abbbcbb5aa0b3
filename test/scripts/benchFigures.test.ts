import { describe, expect, it } from "vitest";

import { computeFigures } from "../../scripts/lib/benchFigures";
import type { GraphRequestLogEntry } from "../../scripts/lib/emulatorAdmin";
import type { OperationStep } from "../../scripts/lib/operationProgress";
import type { BenchPair, OnboardingOutcome } from "../../scripts/lib/timedOnboarding";

function pair(index: number): BenchPair {
  return {
    label: `pair ${index}`,
    source: { tenantId: `source-${index}`, groupId: `group-${index}` },
    target: { tenantId: `target-${index}`, groupId: `other-group-${index}` },
  };
}

function step(name: string, startSeconds: number, endSeconds: number): OperationStep {
  const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, seconds * 1000)).toISOString();
  return { name, state: "succeeded", startedAt: at(startSeconds), endedAt: at(endSeconds) };
}

function completed(index: number, elapsedMs: number, steps: OperationStep[]): OnboardingOutcome {
  return { pair: pair(index), elapsedMs, summary: { id: `op-${index}`, runtimeStatus: "Completed", steps } };
}

function request(tenantId: string | null, status = 200): GraphRequestLogEntry {
  return { method: "GET", path: "/v1.0/x", tenantId, status, time: "2025-01-01T00:00:00.000Z" };
}

describe("computeFigures", () => {
  const outcomes: OnboardingOutcome[] = [
    completed(1, 4000, [step("resolveTenants", 0, 0.1), step("waitForFirstCycle", 1, 3)]),
    completed(2, 6000, [step("resolveTenants", 0, 0.3), step("waitForFirstCycle", 1, 4)]),
    completed(3, 5000, [step("resolveTenants", 0, 0.2), { name: "waitForFirstCycle", state: "succeeded" }]),
    { pair: pair(4), failure: "Failed at createSyncJob: boom", elapsedMs: 100 },
  ];
  const requestLog = [
    request("source-1"),
    request("target-1", 404),
    request("source-2"),
    request("source-2"),
    request("target-2"),
    request("source-3"),
    request("source-4"),
    request(null, 401),
  ];
  const figures = computeFigures(outcomes, 30_000, requestLog);

  it("counts completed and failed onboardings", () => {
    expect(figures.attempted).toBe(4);
    expect(figures.completed).toBe(3);
    expect(figures.failures).toEqual([{ label: "pair 4", failure: "Failed at createSyncJob: boom" }]);
  });

  it("rates completed onboardings per minute of wall time", () => {
    expect(figures.onboardingsPerMinute).toBeCloseTo(6);
  });

  it("spreads durations of completed onboardings only", () => {
    expect(figures.durationMs).toEqual({ p50: 5000, p95: 6000, min: 4000, max: 6000 });
  });

  it("takes each step's median over pairs that timed it", () => {
    expect(figures.steps).toEqual([
      { name: "resolveTenants", medianMs: 200, samples: 3 },
      { name: "waitForFirstCycle", medianMs: 2000, samples: 2 },
    ]);
  });

  it("attributes Graph requests by the pair's tenants", () => {
    expect(figures.graphRequestsPerOnboarding).toEqual({ p50: 2, p95: 3, min: 1, max: 3 });
  });

  it("counts the whole log and its error responses", () => {
    expect(figures.graphRequestsTotal).toBe(8);
    expect(figures.graphErrorResponses).toBe(2);
  });

  it("reports no spread when nothing completed", () => {
    const none = computeFigures([{ pair: pair(1), failure: "rejected" }], 1000, []);
    expect(none.completed).toBe(0);
    expect(none.onboardingsPerMinute).toBe(0);
    expect(none.durationMs).toEqual({ p50: undefined, p95: undefined, min: undefined, max: undefined });
    expect(none.steps).toEqual([]);
  });
});
