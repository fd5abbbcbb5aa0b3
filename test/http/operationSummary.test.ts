import { describe, expect, it } from "vitest";

import { type OrchestrationStatusLike, buildOperationSummary } from "../../src/http/operationSummary";
import { createOnboardingStatus, markAttempt, markFailed } from "../../src/orchestrators/onboarding/stepStatus";
import { OnboardingStepNames } from "../../src/shared/onboardingStatus";

const input = {
  source: "contoso.onmicrosoft.com",
  target: "fabrikam.onmicrosoft.com",
  sourceTenantId: "s",
  targetTenantId: "t",
  scope: { users: ["u1", "u2"], groups: ["g1"] },
  waits: { replicationTimeoutSeconds: 600, policyPropagationTimeoutSeconds: 900, firstCycleTimeoutSeconds: 1200 },
};

function status(overrides: Partial<OrchestrationStatusLike> = {}): OrchestrationStatusLike {
  return {
    name: "onboardTenantPair",
    instanceId: "onboard-s-t",
    runtimeStatus: "Running",
    createdTime: new Date("2026-01-01T00:00:00Z"),
    lastUpdatedTime: "2026-01-01T00:01:00Z",
    input,
    output: null,
    customStatus: markAttempt(createOnboardingStatus(), "ensureTargetPartner", new Date("2026-01-01T00:00:30Z")),
    ...overrides,
  };
}

describe("buildOperationSummary", () => {
  it("summarises a running onboarding", () => {
    const summary = buildOperationSummary(status());
    expect(summary).toMatchObject({
      id: "onboard-s-t",
      name: "onboardTenantPair",
      runtimeStatus: "Running",
      createdTime: "2026-01-01T00:00:00.000Z",
      lastUpdatedTime: "2026-01-01T00:01:00.000Z",
      request: {
        source: "contoso.onmicrosoft.com",
        target: "fabrikam.onmicrosoft.com",
        sourceTenantId: "s",
        targetTenantId: "t",
        configurationName: null,
        scope: { users: 2, groups: 1 },
      },
      currentStep: "ensureTargetPartner",
    });
    expect(summary.steps).toHaveLength(OnboardingStepNames.length);
    expect(summary.result).toBeUndefined();
    expect(summary.error).toBeUndefined();
  });

  it("lists scope counts, not object ids", () => {
    expect(JSON.stringify(buildOperationSummary(status()))).not.toContain("u1");
  });

  it("includes the result of a completed onboarding", () => {
    const summary = buildOperationSummary(status({ runtimeStatus: "Completed", output: { configurationName: "x" } }));
    expect(summary.result).toEqual({ configurationName: "x" });
  });

  it("takes the error of a failed run from the failed step", () => {
    const failed = markFailed(createOnboardingStatus(), "createSyncJob", new Date(), {
      message: "Graph forbidden error 403 …",
      graphCode: "Authorization_RequestDenied",
      requestId: "r-1",
    });
    const summary = buildOperationSummary(
      status({ runtimeStatus: "Failed", customStatus: failed, output: "Orchestrator function failed" }),
    );
    expect(summary.error).toEqual({
      step: "createSyncJob",
      message: "Graph forbidden error 403 …",
      graphCode: "Authorization_RequestDenied",
      requestId: "r-1",
    });
    expect(summary.result).toBeUndefined();
  });

  it("falls back to the output text when no step failed", () => {
    const summary = buildOperationSummary(status({ runtimeStatus: "Failed", output: "Invalid onboarding input: x." }));
    expect(summary.error).toEqual({ step: "ensureTargetPartner", message: "Invalid onboarding input: x." });
  });

  it("reads step and Graph fields from the failure output", () => {
    const graphLine =
      "Graph forbidden error 403 Authorization_RequestDenied on POST /policies/crossTenantAccessPolicy/partners: " +
      "Insufficient privileges. (request-id req-403)";
    const output = `Orchestrator function 'onboardTenantPair' failed: Onboarding step ensureTargetPartner failed: ${graphLine}`;
    const summary = buildOperationSummary(status({ runtimeStatus: "Failed", output }));

    expect(summary.error).toEqual({
      step: "ensureTargetPartner",
      message: `Onboarding step ensureTargetPartner failed: ${graphLine}`,
      graphCode: "Authorization_RequestDenied",
      requestId: "req-403",
    });
    const step = summary.steps.find((s) => s.name === "ensureTargetPartner");
    expect(step?.state).toBe("failed");
    expect(step?.error?.graphCode).toBe("Authorization_RequestDenied");
  });

  it("reports the reason of a terminated run", () => {
    const summary = buildOperationSummary(status({ runtimeStatus: "Terminated", output: "operator stopped it" }));
    expect(summary.error?.message).toBe("The operation was terminated: operator stopped it");
  });

  it("tolerates a missing custom status and unknown input", () => {
    const summary = buildOperationSummary(status({ runtimeStatus: "Pending", customStatus: null, input: "x" }));
    expect(summary.request).toBeNull();
    expect(summary.currentStep).toBeNull();
    expect(summary.steps).toEqual([]);
  });
});
