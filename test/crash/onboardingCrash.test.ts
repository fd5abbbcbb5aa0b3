import { describe, expect, it } from "vitest";

import { ALL_EMPLOYEES_GROUP_ID, ENGINEERING_GROUP_ID, TENANT_A_DOMAIN, TENANT_B_DOMAIN } from "../../emulator/fixture";
import { OnboardingStepNames } from "../../src/shared/onboardingStatus";
import type { OperationSummary } from "../integration/fullStack";
import { postJson } from "../integration/fullStack";
import { waitFor } from "../local-host/spawnHost";
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
    expect(
      summary.steps.filter((step) => step.state !== "succeeded"),
      `${label}: unfinished steps`,
    ).toEqual([]);
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
      expect(
        all.filter((point) => point.step === step && point.moment === "timer"),
        step,
      ).toHaveLength(1);
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

  /*
   * `npm start` runs `dist/local-host/main.js --app <repo>`, which keeps durable state in `<repo>/.data/local-host`.
   * It also binds the fixed ports 7071 and 7072 and reads the repository's local.settings.json, so this test runs the
   * same CLI on free ports with a data folder of its own, which it keeps across the kills as `npm start` does.
   */
  it.concurrent("kill -9 of npm start resumes", async () => {
    const stack = await CrashStack.create();
    try {
      await stack.startHost();
      const response = await postJson(`${stack.api}/tenant-pairs`, onboardingRequest);
      expect(response.status).toBe(202);
      const { id } = (await response.json()) as { id: string };

      // No faults: the host dies wherever the onboarding happens to be once these steps have succeeded.
      for (const step of ["enableTargetAutoRedemption", "createSyncJob"]) {
        await waitFor(async () => {
          const summary = await stack.readOperation<OperationSummary>(id);
          const done = summary.steps.some((record) => record.name === step && record.state === "succeeded");
          return done ? true : undefined;
        }, 30_000);
        await stack.killHost();
        await stack.startHost();
      }

      const summary = await waitForOutcome(stack, id);
      expect(summary.runtimeStatus).toBe("Completed");
      expect(summary.result?.firstCycle.completed).toBe(true);
      await expectOnboardedOnce(stack.emulator.url, scopeGroups, "npm start");
    } finally {
      await stack.close();
    }
  });
});
