import { describe, expect, it } from "vitest";

import { onboardTenantPair } from "../../src/orchestrators/onboardTenantPair";
import type { OnboardingCustomStatus } from "../../src/shared/onboardingStatus";
import { type ActivityAnswer, type FakeTask, activityCalls, driveOrchestration } from "./support/fakeOrchestration";
import { APP_ROLE_ID, SOURCE_ID, happyAnswer, onboardingRequest } from "./support/onboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

const START = new Date("2026-01-01T00:00:00Z");

function answerWith(overrides: Record<string, (task: ActivityTask, call: number) => ActivityAnswer>) {
  return (task: ActivityTask, call: number): ActivityAnswer => overrides[task.name]?.(task, call) ?? happyAnswer(task);
}

function stepOf(result: ReturnType<typeof driveOrchestration>, name: string) {
  return (result.customStatus as OnboardingCustomStatus).steps.find((step) => step.name === name);
}

describe("removeDuplicateSyncApplications step", () => {
  it("runs once the service principal is readable", () => {
    const answer = answerWith({
      readServicePrincipal: (_task, call) => ({
        output: call < 3 ? { ready: false } : { ready: true, appRoleId: APP_ROLE_ID },
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer, { start: START });

    const names = activityCalls(result).map((task) => task.name);
    const check = names.indexOf("removeDuplicateSyncApplications");
    expect(names.lastIndexOf("readServicePrincipal")).toBe(check - 1);
    expect(names[check + 1]).toBe("validateSyncCredentials");
    expect(names.filter((name) => name === "removeDuplicateSyncApplications")).toHaveLength(1);
  });

  it("passes kept id and run start", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer, { start: START });

    expect(activityCalls(result, "removeDuplicateSyncApplications")[0]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      configurationName: "Sync to Fabrikam",
      keepApplicationId: "app-object-id",
      createdSince: START.toISOString(),
      preexistingApplicationIds: [],
    });
    expect(stepOf(result, "removeDuplicateSyncApplications")?.detail).toBe("no duplicate application");
  });

  it("names deleted duplicates in the step detail", () => {
    const removed = [
      { applicationId: "duplicate-object-id", appId: "duplicate-app-id", servicePrincipalId: "duplicate-sp" },
    ];
    const answer = answerWith({ removeDuplicateSyncApplications: () => ({ output: { removed } }) });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer, { start: START });

    expect(result.error).toBeUndefined();
    const step = stepOf(result, "removeDuplicateSyncApplications");
    expect(step?.state).toBe("succeeded");
    expect(step?.detail).toBe(
      "deleted 1 duplicate application made by this run: duplicate-object-id (appId duplicate-app-id)",
    );
  });
});
