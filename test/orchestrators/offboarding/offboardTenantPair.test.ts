import { describe, expect, it } from "vitest";

import { offboardTenantPair } from "../../../src/orchestrators/offboardTenantPair";
import type { OffboardingResult, OffboardingSubject } from "../../../src/shared/offboardingContracts";
import type { OffboardingCustomStatus } from "../../../src/shared/offboardingStatus";
import {
  type ActivityAnswer,
  type FakeTask,
  activityCalls,
  driveOrchestration,
  timers,
} from "../support/fakeOrchestration";
import { adoptedSubject, createdSubject, progressAfterCycle, request } from "./offboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

/** Answers every activity as a healthy tenant would; the first `pendingPolls` progress reads still see users. */
function tenantAnswers(subject: OffboardingSubject, pendingPolls = 1) {
  return (task: ActivityTask, call: number): ActivityAnswer => {
    switch (task.name) {
      case "markPairOffboarding":
        return { output: subject };
      case "unassignAllPrincipals":
        return { output: { servicePrincipalFound: true, removedCount: 2 } };
      case "readDeprovisioningProgress":
        // Cycles begin far in the future of the fake clock, so they always count as after the unassignment.
        return { output: progressAfterCycle("2030-01-01T00:00:00Z", call <= pendingPolls ? 3 : 0) };
      case "markPairOffboarded":
      case "recordOffboardingFailure":
        return { output: null };
      default:
        return { output: { alreadyUndone: false } };
    }
  };
}

const names = (result: ReturnType<typeof driveOrchestration>) => activityCalls(result).map((task) => task.name);

describe("offboardTenantPair", () => {
  it("runs the teardown in Graph's order", () => {
    const result = driveOrchestration(offboardTenantPair, request, tenantAnswers(createdSubject()));
    expect(result.error).toBeUndefined();
    expect(names(result)).toEqual([
      "markPairOffboarding",
      "unassignAllPrincipals",
      "readDeprovisioningProgress",
      "readDeprovisioningProgress",
      "deleteSyncJob",
      "deleteSyncApplication",
      "restorePartnerFlag",
      "deletePartner",
      "restorePartnerFlag",
      "removeIdentitySynchronization",
      "deletePartner",
      "markPairOffboarded",
    ]);
    expect(timers(result)).toHaveLength(1);
    const output = result.output as OffboardingResult;
    expect(output.unassignedCount).toBe(2);
    expect(output.deprovisioning).toEqual({ outcome: "removed", deletedCount: 3, synchronizedCount: 0 });
    expect(output.changes).toHaveLength(7);
    const status = result.customStatus as OffboardingCustomStatus;
    expect(status.steps.every((step) => step.state === "succeeded")).toBe(true);
  });

  it("counts each teardown call as one attempt", () => {
    const result = driveOrchestration(offboardTenantPair, request, tenantAnswers(createdSubject()));
    const status = result.customStatus as OffboardingCustomStatus;
    const policies = status.steps.find((step) => step.name === "removeTenantPolicies");

    const policyCalls = ["restorePartnerFlag", "deletePartner", "removeIdentitySynchronization"]
      .map((name) => activityCalls(result, name).length)
      .reduce((sum, count) => sum + count, 0);
    expect(policies?.attempts).toBe(policyCalls);
    expect(policies?.detail).toBe("5 of 5 changes made; 0 were already done");
  });

  it("says one change was already done in the singular", () => {
    const answers = tenantAnswers(createdSubject());
    const result = driveOrchestration(offboardTenantPair, request, (task, call) =>
      task.name === "deleteSyncJob" ? { output: { alreadyUndone: true } } : answers(task, call),
    );
    const status = result.customStatus as OffboardingCustomStatus;

    expect(status.steps.find((step) => step.name === "removeSyncObjects")?.detail).toBe(
      "1 of 2 changes made; 1 was already done",
    );
  });

  it("skips unassignment and the wait with keepSyncedUsers", () => {
    const result = driveOrchestration(
      offboardTenantPair,
      { ...request, keepSyncedUsers: true },
      tenantAnswers(createdSubject()),
    );
    expect(result.error).toBeUndefined();
    expect(names(result)).not.toContain("unassignAllPrincipals");
    expect(names(result)).not.toContain("readDeprovisioningProgress");
    expect(names(result)).toContain("deleteSyncApplication");
    const status = result.customStatus as OffboardingCustomStatus;
    const states = Object.fromEntries(status.steps.map((step) => [step.name, step.state]));
    expect(states.unassignPrincipals).toBe("skipped");
    expect(states.waitForDeprovisioning).toBe("skipped");
    expect((result.output as OffboardingResult).deprovisioning).toBeNull();
  });

  it("pauses an adopted job and keeps adopted objects", () => {
    const result = driveOrchestration(offboardTenantPair, request, tenantAnswers(adoptedSubject()));
    expect(result.error).toBeUndefined();
    expect(names(result)).toContain("pauseSyncJob");
    expect(names(result)).not.toContain("deleteSyncJob");
    expect(names(result)).not.toContain("deleteSyncApplication");
    expect(names(result)).not.toContain("deletePartner");
    expect((result.output as OffboardingResult).kept).toHaveLength(6);
  });

  it("fails on timeout before deleting anything and records the error", () => {
    const result = driveOrchestration(
      offboardTenantPair,
      { ...request, deprovisionTimeoutSeconds: 30 },
      tenantAnswers(createdSubject(), Number.POSITIVE_INFINITY),
    );
    expect(result.error?.message).toMatch(
      /^Offboarding step waitForDeprovisioning failed: Sync cycles had not removed/,
    );
    expect(names(result)).not.toContain("deleteSyncJob");
    expect(names(result)).not.toContain("markPairOffboarded");
    const recorded = activityCalls(result, "recordOffboardingFailure");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.input).toMatchObject({ step: "waitForDeprovisioning", instanceId: "onboard-test" });
  });

  it("retries a transient Graph error with a durable timer", () => {
    const answers = tenantAnswers(createdSubject(), 0);
    const result = driveOrchestration(offboardTenantPair, request, (task, call) =>
      task.name === "deleteSyncJob" && call === 1
        ? {
            error: new Error(
              "Graph transient error 503 ServiceUnavailable on DELETE /servicePrincipals/sp-1: try later (request-id r1)",
            ),
          }
        : answers(task, call),
    );
    expect(result.error).toBeUndefined();
    expect(activityCalls(result, "deleteSyncJob")).toHaveLength(2);
    expect(timers(result)).toHaveLength(1);
  });
});
