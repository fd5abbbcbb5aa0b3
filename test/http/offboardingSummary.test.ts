import { describe, expect, it } from "vitest";

import { buildOperationSummary } from "../../src/http/operationSummary";

const SOURCE_ID = "11111111-1111-4111-8111-111111111111";
const TARGET_ID = "22222222-2222-4222-8222-222222222222";
const input = {
  sourceTenantId: SOURCE_ID,
  targetTenantId: TARGET_ID,
  keepSyncedUsers: true,
  deprovisionTimeoutSeconds: 60,
};

function status(runtimeStatus: string, customStatus: unknown, output: unknown = null) {
  return {
    name: "offboardTenantPair",
    instanceId: `offboard-${SOURCE_ID}-${TARGET_ID}`,
    runtimeStatus,
    createdTime: "2026-01-01T00:00:00Z",
    lastUpdatedTime: "2026-01-01T00:01:00Z",
    input,
    output,
    customStatus,
  };
}

describe("offboarding operation summary", () => {
  it("shows skipped steps and the request", () => {
    const custom = {
      currentStep: "waitForDeprovisioning",
      steps: [
        { name: "markOffboarding", state: "succeeded", attempts: 1 },
        { name: "waitForDeprovisioning", state: "skipped", attempts: 0, detail: "the request keeps the synced users" },
      ],
    };
    const summary = buildOperationSummary(status("Running", custom));
    expect(summary.request).toEqual({ operation: "offboarding", ...input });
    expect(summary.currentStep).toBe("waitForDeprovisioning");
    expect(summary.steps.map((step) => step.state)).toEqual(["succeeded", "skipped"]);
  });

  it("names the failed offboarding step from the output alone", () => {
    const output = "Orchestrator function 'offboardTenantPair' failed: Offboarding step removeSyncObjects failed: boom";
    const summary = buildOperationSummary(status("Failed", null, output));
    expect(summary.error?.step).toBe("removeSyncObjects");
  });
});
