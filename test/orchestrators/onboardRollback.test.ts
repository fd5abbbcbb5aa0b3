import { describe, expect, it } from "vitest";

import { onboardTenantPair } from "../../src/orchestrators/onboardTenantPair";
import { MAX_LISTED_ROLLBACK_ITEMS } from "../../src/orchestrators/onboarding/rollbackProgress";
import type { OnboardingCustomStatus } from "../../src/shared/onboardingStatus";
import { type ActivityAnswer, type FakeTask, activityCalls, driveOrchestration } from "./support/fakeOrchestration";
import {
  JOB_ID,
  SOURCE_ID,
  SP_ID,
  TARGET_ID,
  activityFailure,
  graphErrorText,
  happyAnswer,
  onboardingRequest,
} from "./support/onboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

const COMPENSATIONS = new Set([
  "removeAppRoleAssignment",
  "deleteSyncJob",
  "deleteSyncApplication",
  "restorePartnerFlag",
  "removeIdentitySynchronization",
  "restoreInboundSync",
  "deletePartner",
]);

const FORBIDDEN = graphErrorText("forbidden", 403, "Authorization_RequestDenied");

/** Builds the activity results of a run whose `failing` activity fails for good; compensations succeed unless overridden. */
function answerWith(
  failing: string,
  overrides: Record<string, (task: ActivityTask, call: number) => ActivityAnswer> = {},
) {
  return (task: ActivityTask, call: number): ActivityAnswer => {
    const override = overrides[task.name];
    if (override !== undefined) {
      return override(task, call);
    }
    if (task.name === failing) {
      return { error: activityFailure(task.name, FORBIDDEN) };
    }
    return COMPENSATIONS.has(task.name) ? { output: { alreadyUndone: false } } : happyAnswer(task);
  };
}

function compensationCalls(result: ReturnType<typeof driveOrchestration>): ActivityTask[] {
  return activityCalls(result).filter((task) => COMPENSATIONS.has(task.name));
}

function rollbackOf(result: ReturnType<typeof driveOrchestration>) {
  return (result.customStatus as OnboardingCustomStatus).rollback;
}

describe("onboardTenantPair rollback", () => {
  it("compensates in reverse order after a permanent failure", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("startSyncJob"));

    expect(compensationCalls(result).map((task) => task.name)).toEqual([
      "removeAppRoleAssignment",
      "deleteSyncJob",
      "deleteSyncApplication",
      "restorePartnerFlag",
      "restorePartnerFlag",
      "removeIdentitySynchronization",
      "deletePartner",
    ]);
    expect(compensationCalls(result)[0]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      servicePrincipalId: SP_ID,
      assignmentId: "assignment-1",
    });
  });

  it("leaves the adopted source partner in place", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("startSyncJob"));

    const deleted = activityCalls(result, "deletePartner").map((task) => task.input);
    expect(deleted).toEqual([{ tenantId: TARGET_ID, partnerTenantId: SOURCE_ID }]);
  });

  it("fails with the step and its Graph error", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("startSyncJob"));

    expect(result.error?.message).toMatch(/^Onboarding step startSyncJob failed: Graph forbidden error 403/);
    const status = result.customStatus as OnboardingCustomStatus;
    const step = status.steps.find((s) => s.name === "startSyncJob");
    expect(step?.state).toBe("failed");
    expect(step?.error).toEqual({ message: FORBIDDEN, graphCode: "Authorization_RequestDenied", requestId: "abc-123" });
    expect(status.currentStep).toBe("startSyncJob");
  });

  it("reports every undone item", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("startSyncJob"));

    const rollback = rollbackOf(result);
    expect(rollback?.state).toBe("rolledBack");
    expect(rollback?.planned).toBe(7);
    expect(rollback?.rolledBackCount).toBe(7);
    expect(rollback?.leftBehind).toEqual([]);
    expect(rollback?.leftBehindCount).toBe(0);
    expect(rollback?.current).toBeUndefined();
    expect(rollback?.rolledBack[1]).toEqual({
      action: "delete",
      tenantId: SOURCE_ID,
      objectType: "synchronizationJob",
      id: JOB_ID,
    });
  });

  it("undoes only the steps that ran", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("ensureSourcePartner"));

    expect(compensationCalls(result).map((task) => task.name)).toEqual([
      "restorePartnerFlag",
      "removeIdentitySynchronization",
      "deletePartner",
    ]);
    expect(activityCalls(result, "createSyncApplication")).toHaveLength(0);
  });

  it("lists a failed compensation as left behind", () => {
    const answer = answerWith("startSyncJob", {
      deleteSyncApplication: (task) => ({ error: activityFailure(task.name, FORBIDDEN) }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    const rollback = rollbackOf(result);
    expect(rollback?.state).toBe("incomplete");
    expect(rollback?.leftBehindCount).toBe(1);
    expect(rollback?.leftBehind).toEqual([
      {
        action: "delete",
        tenantId: SOURCE_ID,
        objectType: "application",
        id: "app-object-id",
        error: { message: FORBIDDEN, graphCode: "Authorization_RequestDenied", requestId: "abc-123" },
      },
    ]);
    expect(rollback?.rolledBackCount).toBe(6);
    expect(activityCalls(result, "deleteSyncApplication")).toHaveLength(1);
    expect(activityCalls(result, "deletePartner")).toHaveLength(1);
    expect(result.error?.message).toMatch(/^Onboarding step startSyncJob failed:/);
  });

  it("retries a compensation after a transient error", () => {
    const answer = answerWith("startSyncJob", {
      deleteSyncJob: (task, call) =>
        call < 3
          ? { error: activityFailure(task.name, graphErrorText("transient", 503, "ServiceUnavailable")) }
          : { output: { alreadyUndone: false } },
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(activityCalls(result, "deleteSyncJob")).toHaveLength(3);
    expect(rollbackOf(result)?.state).toBe("rolledBack");
    const waiting = (result.statusAtTimers[0] as OnboardingCustomStatus).rollback;
    expect(waiting?.state).toBe("running");
    expect(waiting?.current).toEqual({
      action: "delete",
      tenantId: SOURCE_ID,
      objectType: "synchronizationJob",
      id: JOB_ID,
    });
    expect(waiting?.waitingFor).toMatch(/^retry after a transient Graph error \(attempt 1 of 5\)/);
    expect(waiting?.rolledBackCount).toBe(1);
  });

  it("leaves an item behind when transient errors persist", () => {
    const answer = answerWith("startSyncJob", {
      deleteSyncJob: (task) => ({
        error: activityFailure(task.name, graphErrorText("transient", 429, "TooManyRequests")),
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(activityCalls(result, "deleteSyncJob")).toHaveLength(5);
    const rollback = rollbackOf(result);
    expect(rollback?.state).toBe("incomplete");
    expect(rollback?.leftBehind.map((item) => [item.objectType, item.id, item.error.graphCode])).toEqual([
      ["synchronizationJob", JOB_ID, "TooManyRequests"],
    ]);
  });

  it("runs no compensation when rollbackOnFailure is false", () => {
    const request = onboardingRequest({ rollbackOnFailure: false });
    const result = driveOrchestration(onboardTenantPair, request, answerWith("startSyncJob"));

    expect(compensationCalls(result)).toEqual([]);
    const rollback = rollbackOf(result);
    expect(rollback?.state).toBe("skipped");
    expect(rollback?.leftBehindCount).toBe(7);
    expect(rollback?.leftBehind[0]).toMatchObject({
      action: "unassign",
      objectType: "appRoleAssignment",
      id: "assignment-1",
    });
    expect(rollback?.leftBehind[0]?.error.message).toMatch(/rollbackOnFailure/);
    expect(result.error?.message).toMatch(/^Onboarding step startSyncJob failed:/);
  });

  it("caps the listed items but keeps full counts", () => {
    const users = Array.from({ length: 30 }, (_, index) => `user-${index}`);
    const answer = answerWith("startSyncJob", {
      assignPrincipals: () => ({
        output: {
          assignments: users.map((principalId, index) => ({
            principalId,
            principalType: "User",
            assignmentId: `assignment-${index}`,
            created: true,
          })),
        },
      }),
    });
    const request = onboardingRequest({ scope: { users, groups: [] } });
    const result = driveOrchestration(onboardTenantPair, request, answer);

    const rollback = rollbackOf(result);
    expect(activityCalls(result, "removeAppRoleAssignment")).toHaveLength(30);
    expect(rollback?.rolledBackCount).toBe(36);
    expect(rollback?.rolledBack).toHaveLength(MAX_LISTED_ROLLBACK_ITEMS);
    expect(JSON.stringify(result.customStatus).length).toBeLessThan(16 * 1024);
  });

  it("does not roll back a completed run", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("none"));

    expect(result.error).toBeUndefined();
    expect(compensationCalls(result)).toEqual([]);
    expect(rollbackOf(result)).toBeUndefined();
  });

  it("logs the rollback only when not replaying", () => {
    const live = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("startSyncJob"));
    const replay = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith("startSyncJob"), {
      replaying: true,
    });

    expect(live.logs.some((line) => line.includes("rollback rolled back 7 of 7 changes; 0 left behind"))).toBe(true);
    expect(replay.logs).toEqual([]);
  });
});
