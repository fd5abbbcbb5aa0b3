import { describe, expect, it } from "vitest";

import { buildOperationSummary } from "../../src/http/operationSummary";

const SOURCE = "11111111-1111-1111-1111-111111111111";
const TARGET = "22222222-2222-2222-2222-222222222222";

const output = {
  sourceTenantId: SOURCE,
  targetTenantId: TARGET,
  result: {
    checkedAt: "2026-12-04T16:30:00.000Z",
    verdict: "unhealthy",
    findings: [{ rule: "inboundSyncDrift", severity: "unhealthy", reason: "Switched off." }],
    durationMs: 1200,
    remediations: [
      { action: "reapplyInboundSync", at: "2026-12-04T16:30:01.000Z", outcome: "succeeded", detail: "Set." },
    ],
    instanceId: `health-check-${SOURCE}-${TARGET}`,
  },
};

function status(runtimeStatus: string, result: unknown) {
  return {
    name: "checkTenantPair",
    instanceId: `health-check-${SOURCE}-${TARGET}`,
    runtimeStatus,
    createdTime: "2026-12-04T16:30:00Z",
    lastUpdatedTime: "2026-12-04T16:30:02Z",
    input: { target: { sourceTenantId: SOURCE, targetTenantId: TARGET }, remediationEnabled: true },
    output: result,
    customStatus: null,
  };
}

describe("operation summary of a health check", () => {
  it("shows the verdict, findings and remediations", () => {
    const summary = buildOperationSummary(status("Completed", output));
    expect(summary.name).toBe("checkTenantPair");
    expect(summary.request).toBeNull();
    expect(summary.steps).toEqual([]);
    expect(summary.health?.verdict).toBe("unhealthy");
    expect(summary.health?.sourceTenantId).toBe(SOURCE);
    expect(summary.health?.findings.map((finding) => finding.rule)).toEqual(["inboundSyncDrift"]);
    expect(summary.health?.remediations.map((record) => record.outcome)).toEqual(["succeeded"]);
  });

  it("shows the result once, as health", () => {
    const summary = buildOperationSummary(status("Completed", output));
    expect(summary.health).toBeDefined();
    expect(summary.result).toBeUndefined();
  });

  it("has no health result while running", () => {
    const summary = buildOperationSummary(status("Running", null));
    expect(summary.health).toBeUndefined();
    expect(summary.runtimeStatus).toBe("Running");
  });

  it("has no health result for an onboarding output", () => {
    const summary = buildOperationSummary({ ...status("Completed", { objects: {} }), name: "onboardTenantPair" });
    expect(summary.health).toBeUndefined();
  });
});
