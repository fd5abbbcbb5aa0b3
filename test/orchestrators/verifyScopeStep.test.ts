import { describe, expect, it } from "vitest";

import { onboardTenantPair } from "../../src/orchestrators/onboardTenantPair";
import type { OnboardingCustomStatus } from "../../src/shared/onboardingStatus";
import { type ActivityAnswer, type FakeTask, activityCalls, driveOrchestration } from "./support/fakeOrchestration";
import { SOURCE_ID, USER_ID, activityFailure, happyAnswer, onboardingRequest } from "./support/onboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

const GROUP_ID = "66666666-6666-4666-8666-666666666666";
const NOT_FOUND_MESSAGE =
  `Not found in the source tenant: 1 of 1 users (${USER_ID}). ` +
  "Fix scope.users and scope.groups, then start the onboarding again.";
const THROTTLED = `Graph transient error 429 TooManyRequests on GET /users/${USER_ID}: Too many requests (request-id req-429)`;

/** Activities that only read, or write only to the service's own registry. Every other activity changes a tenant. */
const NON_GRAPH_WRITES = new Set([
  "resolveTenants",
  "verifyScopePrincipals",
  "snapshotTenantPair",
  "readServicePrincipal",
  "readSyncJobStatus",
  "readDeprovisioningProgress",
  "recordOnboardingStarted",
  "recordOnboardingFailed",
]);

function answerWith(verify: (call: number) => ActivityAnswer) {
  return (task: ActivityTask, call: number): ActivityAnswer =>
    task.name === "verifyScopePrincipals" ? verify(call) : happyAnswer(task);
}

function stepOf(result: ReturnType<typeof driveOrchestration>) {
  const status = result.customStatus as OnboardingCustomStatus;
  return { status, step: status.steps.find((step) => step.name === "verifyScopePrincipals") };
}

describe("verifyScopePrincipals step", () => {
  it("runs right after resolveTenants with the scope", () => {
    const request = onboardingRequest({ scope: { users: [USER_ID], groups: [GROUP_ID] } });
    const result = driveOrchestration(onboardTenantPair, request, happyAnswer);

    const names = activityCalls(result).map((task) => task.name);
    expect(names.slice(0, 2)).toEqual(["resolveTenants", "verifyScopePrincipals"]);
    expect(activityCalls(result, "verifyScopePrincipals")[0]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      users: [USER_ID],
      groups: [GROUP_ID],
    });
    const { step } = stepOf(result);
    expect(step?.state).toBe("succeeded");
    expect(step?.detail).toBe("found 1 user and 0 groups in the source tenant");
  });

  it("fails before any write when ids are missing", () => {
    const answer = answerWith(() => ({ error: activityFailure("verifyScopePrincipals", NOT_FOUND_MESSAGE) }));
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(result.error?.message).toBe(`Onboarding step verifyScopePrincipals failed: ${NOT_FOUND_MESSAGE}`);
    const names = activityCalls(result).map((task) => task.name);
    expect(names.filter((name) => !NON_GRAPH_WRITES.has(name))).toEqual([]);
    expect(activityCalls(result, "verifyScopePrincipals")).toHaveLength(1);
    expect(activityCalls(result, "recordOnboardingStarted")).toHaveLength(0);
    const { status, step } = stepOf(result);
    expect(status.steps.filter((record) => record.state === "failed").map((record) => record.name)).toEqual([
      "verifyScopePrincipals",
    ]);
    expect(step?.error).toEqual({ message: NOT_FOUND_MESSAGE });
    expect(status.rollback?.planned).toBe(0);
    expect(status.rollback?.leftBehindCount).toBe(0);
  });

  it("retries a transient error, then goes on", () => {
    const answer = answerWith((call) =>
      call < 3
        ? { error: activityFailure("verifyScopePrincipals", THROTTLED) }
        : { output: { users: 3, guestUsers: 1, disabledUsers: 1, groups: 1 } },
    );
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(result.error).toBeUndefined();
    expect(activityCalls(result, "verifyScopePrincipals")).toHaveLength(3);
    const { step } = stepOf(result);
    expect(step?.attempts).toBe(3);
    expect(step?.detail).toBe("found 3 users (1 guest, 1 disabled) and 1 group in the source tenant");
  });
});
