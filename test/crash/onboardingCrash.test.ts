import { describe, expect, it } from "vitest";

import { ALL_EMPLOYEES_GROUP_ID, ENGINEERING_GROUP_ID, TENANT_A_DOMAIN, TENANT_B_DOMAIN } from "../../emulator/fixture";
import { OnboardingStepNames } from "../../src/shared/onboardingStatus";
import { onboardWithKills, waitForOutcome } from "./crashDriver";
import { CrashStack } from "./crashStack";
import { killPointsInStepOrder, WAITING_STEPS, WRITE_STEPS, type KillPoint } from "./killPoints";
import { expectOnboardedOnce } from "./tenantInvariants";

/*
 * Kills the local host with SIGKILL at every step of an onboarding and starts it again on the same data folder. The
 * Durable promise is that every in-flight orchestration then continues: activities run again (at least once), timers
 * are re-armed. The onboarding must complete and leave every object exactly once in both tenants.
 *
 * One onboarding per moment keeps the suite fast: each kills the host once per step, in step order, so every write
 * step is hit before, during and after its write, and each waiting step while its durable timer is pending.
 */

const scopeGroups = [ALL_EMPLOYEES_GROUP_ID, ENGINEERING_GROUP_ID];
const onboardingRequest = { source: TENANT_A_DOMAIN, target: TENANT_B_DOMAIN, scope: { groups: scopeGroups } };

/** Onboards through the kill points, then checks the outcome and that each object exists once. */
async function expectSurvives(points: KillPoint[], label: string): Promise<void> {
  // Concurrent tests share hooks, so each test closes its own stack.
  const stack = await CrashStack.create();
  try {
    const operationId = await onboardWithKills(stack, onboardingRequest, points);

    const summary = await waitForOutcome(stack, operationId);
    expect(summary.error, `${label}: error`).toBeUndefined();
    expect(summary.runtimeStatus, `${label}: runtime status`).toBe("Completed");
    expect(summary.steps.filter((step) => step.state !== "succeeded"), `${label}: unfinished steps`).toEqual([]);
    expect(summary.result?.firstCycle.completed, `${label}: first cycle`).toBe(true);
    expect(stack.starts, `${label}: host starts`).toBe(points.length + 1);
    await expectOnboardedOnce(stack.emulator.url, scopeGroups, label);
  } finally {
    await stack.close();
  }
}

const plans = {
  before: killPointsInStepOrder("before", ["waitForServicePrincipal", "waitForFirstCycle"], OnboardingStepNames),
  during: killPointsInStepOrder("during", ["validateSyncCredentials"], OnboardingStepNames),
  after: killPointsInStepOrder("after", [], OnboardingStepNames),
};

describe("onboarding across host crashes", () => {
  it("kill plans cover every step", () => {
    const all = Object.values(plans).flat();
    for (const step of WRITE_STEPS) {
      const moments = all.filter((point) => point.step === step).map((point) => point.moment);
      expect(moments.sort(), step).toEqual(["after", "before", "during"]);
    }
    for (const step of WAITING_STEPS) {
      expect(all.filter((point) => point.step === step && point.moment === "timer"), step).toHaveLength(1);
    }
  });

  it.concurrent("kill before each write", async () => {
    await expectSurvives(plans.before, "before");
  });

  it.concurrent("kill during each write", async () => {
    await expectSurvives(plans.during, "during");
  });

  it.concurrent("kill after each write", async () => {
    await expectSurvives(plans.after, "after");
  });
});
