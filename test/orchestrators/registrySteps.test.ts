import { describe, expect, it } from "vitest";

import { onboardTenantPair } from "../../src/orchestrators/onboardTenantPair";
import type { OnboardingResult } from "../../src/shared/onboardingResult";
import { type ActivityAnswer, type FakeTask, activityCalls, driveOrchestration } from "./support/fakeOrchestration";
import { SOURCE_ID, TARGET_ID, activityFailure, graphErrorText, happyAnswer, onboardingRequest } from "./support/onboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

function answerWith(overrides: Record<string, (task: ActivityTask) => ActivityAnswer>) {
  return (task: ActivityTask): ActivityAnswer => overrides[task.name]?.(task) ?? happyAnswer(task);
}

const failJob = () => ({ error: activityFailure("createSyncJob", graphErrorText("forbidden", 403, "Authorization_RequestDenied")) });

describe("onboardTenantPair registry records", () => {
  it("records the start with the resolved tenants", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest({ configurationName: "Sync A" }), happyAnswer);

    expect(activityCalls(result, "recordOnboardingStarted")[0]?.input).toMatchObject({
      instanceId: "onboard-test",
      source: { tenantId: SOURCE_ID, displayName: "Contoso" },
      target: { tenantId: TARGET_ID, displayName: "Fabrikam" },
      configurationName: "Sync A",
    });
  });

  it("records success with the run's result", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer);

    const input = activityCalls(result, "recordOnboardingSucceeded")[0]?.input as { instanceId: string; result: OnboardingResult };
    expect(input.instanceId).toBe("onboard-test");
    expect(input.result).toEqual(result.output);
    expect(activityCalls(result, "recordOnboardingFailed")).toHaveLength(0);
  });

  it("records failure after the rollback", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith({ createSyncJob: failJob }));

    const names = activityCalls(result).map((task) => task.name);
    expect(names.at(-1)).toBe("recordOnboardingFailed");
    expect(names).not.toContain("recordOnboardingSucceeded");
    expect(activityCalls(result, "recordOnboardingFailed")[0]?.input).toEqual({
      instanceId: "onboard-test",
      sourceTenantId: SOURCE_ID,
      targetTenantId: TARGET_ID,
    });
  });

  it("keeps the step error when recording failure fails", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({
        createSyncJob: failJob,
        recordOnboardingFailed: () => ({ error: activityFailure("recordOnboardingFailed", "table unavailable") }),
      }),
    );

    expect(result.error?.name).toBe("OnboardingStepError");
    expect(result.error?.message).toContain("createSyncJob");
    expect(result.logs.some((line) => line.includes("table unavailable"))).toBe(true);
  });

  it("stops before any Graph write when recording the start fails", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({ recordOnboardingStarted: () => ({ error: activityFailure("recordOnboardingStarted", "table unavailable") }) }),
    );

    expect(result.error?.message).toMatch(/^Recording the pair in the tenant-pair registry failed before any change: table unavailable/);
    expect(activityCalls(result, "ensureTargetPartner")).toHaveLength(0);
  });

  it("fails without rollback when recording success fails", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({ recordOnboardingSucceeded: () => ({ error: activityFailure("recordOnboardingSucceeded", "table unavailable") }) }),
    );

    expect(result.error?.message).toMatch(/^The pair is set up, but recording it as active/);
    const names = activityCalls(result).map((task) => task.name);
    const undoing = names.filter((name) => /^(delete|remove|restore)/.test(name) && name !== "removeDuplicateSyncApplications");
    expect(undoing).toEqual([]);
    expect(names).not.toContain("recordOnboardingFailed");
  });
});
