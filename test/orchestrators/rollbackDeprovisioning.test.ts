import { describe, expect, it } from "vitest";

import { onboardTenantPair } from "../../src/orchestrators/onboardTenantPair";
import type { DeprovisioningProgress } from "../../src/shared/offboardingContracts";
import type { OnboardingCustomStatus } from "../../src/shared/onboardingStatus";
import type { RollbackStatus } from "../../src/shared/rollbackStatus";
import {
  type ActivityAnswer,
  type FakeTask,
  activityCalls,
  driveOrchestration,
  timers,
} from "./support/fakeOrchestration";
import {
  JOB_ID,
  SOURCE_ID,
  SP_ID,
  TARGET_ID,
  activityFailure,
  graphErrorText,
  happyAnswer,
  jobStatus,
  onboardingRequest,
} from "./support/onboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

const FORBIDDEN = graphErrorText("forbidden", 403, "Authorization_RequestDenied");
const THROTTLED = graphErrorText("transient", 429, "Request_ThrottledTemporarily");
const WAITS = { replicationTimeoutSeconds: 600, policyPropagationTimeoutSeconds: 900, firstCycleTimeoutSeconds: 1200 };
const SYNCED_USERS = { action: "deprovision", tenantId: TARGET_ID, objectType: "syncedUsers", id: JOB_ID };

/** Progress before any cycle ran after the unassignment: the first cycle's 2 users are still synchronized. */
const PENDING: DeprovisioningProgress = {
  job: jobStatus({ lastSuccessfulExecution: execution("2025-12-31T00:00:00Z") }),
  synchronizedCount: 2,
  deletedCount: 0,
};

/** Progress after a cycle that began after the unassignment deleted both users. */
const REMOVED: DeprovisioningProgress = {
  job: jobStatus({ lastSuccessfulExecution: execution("2030-01-01T00:00:00Z") }),
  synchronizedCount: 0,
  deletedCount: 2,
};

function execution(timeBegan: string) {
  return {
    state: "Succeeded",
    timeBegan,
    timeEnded: timeBegan,
    countEntitled: 2,
    countExported: 2,
    countEscrowed: 0,
    errorCode: null,
  };
}

/** Answers a run whose first-cycle wait fails for good after the job started; compensations succeed. */
function failAtFirstCycle(progress: (call: number) => ActivityAnswer) {
  return (task: ActivityTask, call: number): ActivityAnswer => {
    switch (task.name) {
      case "readSyncJobStatus":
        return { error: activityFailure(task.name, FORBIDDEN) };
      case "readDeprovisioningProgress":
        return progress(call);
      case "removeAppRoleAssignment":
      case "deleteSyncJob":
      case "deleteSyncApplication":
      case "restorePartnerFlag":
      case "removeIdentitySynchronization":
      case "deletePartner":
        return { output: { alreadyUndone: false } };
      default:
        return happyAnswer(task);
    }
  };
}

function request(deprovisionTimeoutSeconds?: number) {
  const waits = deprovisionTimeoutSeconds === undefined ? WAITS : { ...WAITS, deprovisionTimeoutSeconds };
  return onboardingRequest({ waits });
}

function rollbackOf(result: ReturnType<typeof driveOrchestration>): RollbackStatus | undefined {
  return (result.customStatus as OnboardingCustomStatus).rollback;
}

function compensationOrder(result: ReturnType<typeof driveOrchestration>): string[] {
  const names = activityCalls(result).map((task) => task.name);
  return names.slice(names.indexOf("removeAppRoleAssignment"));
}

describe("rollback deprovisioning wait", () => {
  it("waits between unassign and job deletion", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      request(3600),
      failAtFirstCycle((call) => ({ output: call < 3 ? PENDING : REMOVED })),
    );

    expect(result.error?.message).toMatch(/^Onboarding step waitForFirstCycle failed/);
    expect(compensationOrder(result).slice(0, 6)).toEqual([
      "removeAppRoleAssignment",
      "readDeprovisioningProgress",
      "readDeprovisioningProgress",
      "readDeprovisioningProgress",
      "deleteSyncJob",
      "deleteSyncApplication",
    ]);
    const rollback = rollbackOf(result);
    expect(rollback?.state).toBe("rolledBack");
    expect(rollback?.planned).toBe(8);
    expect(rollback?.rolledBack[1]).toEqual(SYNCED_USERS);
    expect(rollback?.leftBehindCount).toBe(0);
  });

  it("reads progress since the unassignment", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      request(3600),
      failAtFirstCycle(() => ({ output: REMOVED })),
    );

    const unassignedAt = activityCalls(result).findIndex((task) => task.name === "removeAppRoleAssignment");
    expect(unassignedAt).toBeGreaterThan(0);
    const input = activityCalls(result, "readDeprovisioningProgress")[0]?.input as { since: string; jobId: string };
    expect(input).toMatchObject({ sourceTenantId: SOURCE_ID, servicePrincipalId: SP_ID, jobId: JOB_ID });
    expect(Date.parse(input.since)).toBeGreaterThan(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("shows the wait in the rollback status", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      request(3600),
      failAtFirstCycle((call) => ({ output: call < 2 ? PENDING : REMOVED })),
    );

    const statuses = result.statusAtTimers.map((status) => (status as OnboardingCustomStatus).rollback);
    const waiting = statuses.find((rollback) => rollback?.current?.objectType === "syncedUsers");
    expect(waiting?.current).toEqual(SYNCED_USERS);
    expect(waiting?.waitingFor).toBe("sync cycles to remove the synced users");
    expect(waiting?.state).toBe("running");
  });

  it("lists synced users left behind on timeout", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      request(60),
      failAtFirstCycle(() => ({ output: PENDING })),
      {
        activitySeconds: 0,
      },
    );

    const rollback = rollbackOf(result);
    expect(rollback?.state).toBe("incomplete");
    expect(rollback?.leftBehindCount).toBe(1);
    expect(rollback?.leftBehind[0]).toMatchObject(SYNCED_USERS);
    expect(rollback?.leftBehind[0]?.error.message).toMatch(
      /had not removed the synced users after 60 s; .*2 synchronized entries left/,
    );
    expect(rollback?.leftBehind[0]?.error.message).toMatch(/stay in the target tenant/);
    expect(activityCalls(result, "deleteSyncJob")).toHaveLength(1);
    expect(activityCalls(result, "deletePartner")).toHaveLength(1);
  });

  it("bounds the wait by the timeout", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      request(60),
      failAtFirstCycle(() => ({ output: PENDING })),
      {
        activitySeconds: 0,
      },
    );

    const waitTimers = timers(result).slice(-5);
    const first = waitTimers[0]?.fireAt.getTime() ?? 0;
    const last = waitTimers.at(-1)?.fireAt.getTime() ?? 0;
    // 2, 4, 8, 16 s, then the 30 s left of the 60 s; the first timer fires 2 s after the wait began.
    expect((last - first) / 1000).toBe(58);
    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(6);
  });

  it("lists a quarantined job's users", () => {
    const quarantine = { reason: "EncounteredQuarantineException", errorCode: null, errorMessage: null };
    const quarantined = { ...PENDING, job: jobStatus({ statusCode: "Quarantine", quarantine }) };
    const result = driveOrchestration(
      onboardTenantPair,
      request(3600),
      failAtFirstCycle(() => ({ output: quarantined })),
    );

    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(1);
    expect(rollbackOf(result)?.leftBehind[0]?.error.message).toMatch(
      /in quarantine \(EncounteredQuarantineException\)/,
    );
    expect(activityCalls(result, "deleteSyncJob")).toHaveLength(1);
  });

  it("lists users when progress is unreadable", () => {
    const answer = failAtFirstCycle(() => ({ error: activityFailure("readDeprovisioningProgress", FORBIDDEN) }));
    const result = driveOrchestration(onboardTenantPair, request(3600), answer);

    const left = rollbackOf(result)?.leftBehind[0];
    expect(left).toMatchObject(SYNCED_USERS);
    expect(left?.error.graphCode).toBe("Authorization_RequestDenied");
    expect(left?.error.message).toMatch(/^Reading the deprovisioning progress failed: Graph forbidden error 403/);
    expect(activityCalls(result, "deleteSyncJob")).toHaveLength(1);
  });

  it("retries a transient progress read", () => {
    const answer = failAtFirstCycle((call) =>
      call === 1 ? { error: activityFailure("readDeprovisioningProgress", THROTTLED) } : { output: REMOVED },
    );
    const result = driveOrchestration(onboardTenantPair, request(3600), answer);

    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(2);
    expect(rollbackOf(result)?.state).toBe("rolledBack");
  });

  it("skips the wait for a job that never ran", () => {
    const disabled = { job: jobStatus({ scheduleState: "Disabled" }), synchronizedCount: null, deletedCount: 0 };
    const result = driveOrchestration(
      onboardTenantPair,
      request(3600),
      failAtFirstCycle(() => ({ output: disabled })),
    );

    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(1);
    expect(rollbackOf(result)?.state).toBe("rolledBack");
  });

  it("does not wait after a rejected start", () => {
    const answer = (task: ActivityTask, call: number): ActivityAnswer =>
      task.name === "startSyncJob"
        ? { error: activityFailure(task.name, FORBIDDEN) }
        : failAtFirstCycle(() => ({ output: REMOVED }))(task, call);
    const result = driveOrchestration(onboardTenantPair, request(3600), answer);

    expect(result.error?.message).toMatch(/^Onboarding step startSyncJob failed/);
    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(0);
    expect(rollbackOf(result)?.planned).toBe(7);
  });

  it("waits after a start retried to failure", () => {
    const answer = (task: ActivityTask, call: number): ActivityAnswer =>
      task.name === "startSyncJob"
        ? { error: activityFailure(task.name, THROTTLED) }
        : failAtFirstCycle(() => ({ output: REMOVED }))(task, call);
    const result = driveOrchestration(onboardTenantPair, request(3600), answer);

    expect(activityCalls(result, "startSyncJob")).toHaveLength(5);
    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(1);
  });

  it("reports an input without the bound", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      request(),
      failAtFirstCycle(() => ({ output: REMOVED })),
    );

    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(0);
    const left = rollbackOf(result)?.leftBehind[0];
    expect(left).toMatchObject(SYNCED_USERS);
    expect(left?.error.message).toMatch(/sets no waits.deprovisionTimeoutSeconds/);
  });

  it("keeps users listed when rollback is off", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      { ...request(3600), rollbackOnFailure: false },
      failAtFirstCycle(() => ({ output: REMOVED })),
    );

    expect(activityCalls(result, "readDeprovisioningProgress")).toHaveLength(0);
    expect(rollbackOf(result)?.leftBehind.map((item) => item.objectType)).toContain("syncedUsers");
  });
});
