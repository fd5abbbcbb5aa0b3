import { describe, expect, it } from "vitest";

import { onboardTenantPair } from "../../src/orchestrators/onboardTenantPair";
import type { OnboardingResult } from "../../src/shared/onboardingResult";
import type { OnboardingCustomStatus } from "../../src/shared/onboardingStatus";
import { OnboardingStepNames } from "../../src/shared/onboardingStatus";
import {
  type ActivityAnswer,
  type FakeTask,
  activityCalls,
  driveOrchestration,
  timers,
} from "./support/fakeOrchestration";
import {
  APP_ROLE_ID,
  JOB_ID,
  SOURCE_ID,
  SP_ID,
  TARGET_ID,
  USER_ID,
  activityFailure,
  finishedCycle,
  graphErrorText,
  happyAnswer,
  jobStatus,
  onboardingRequest,
} from "./support/onboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

function answerWith(overrides: Record<string, (task: ActivityTask, call: number) => ActivityAnswer>) {
  return (task: ActivityTask, call: number): ActivityAnswer => overrides[task.name]?.(task, call) ?? happyAnswer(task);
}

describe("onboardTenantPair", () => {
  it("calls every step in order and completes", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer);

    expect(result.error).toBeUndefined();
    expect(activityCalls(result).map((task) => task.name)).toEqual([
      "resolveTenants",
      "verifyScopePrincipals",
      "snapshotTenantPair",
      "recordOnboardingStarted",
      "ensureTargetPartner",
      "allowInboundSync",
      "enableTargetAutoRedemption",
      "ensureSourcePartner",
      "enableSourceAutoRedemption",
      "createSyncApplication",
      "readServicePrincipal",
      "removeDuplicateSyncApplications",
      "validateSyncCredentials",
      "createSyncJob",
      "saveSyncSecrets",
      "assignPrincipals",
      "startSyncJob",
      "readSyncJobStatus",
      "recordOnboardingSucceeded",
    ]);
    const status = result.customStatus as OnboardingCustomStatus;
    expect(status.steps.map((step) => step.state)).toEqual(OnboardingStepNames.map(() => "succeeded"));
    expect(status.currentStep).toBe("recordResult");
  });

  it("passes the resolved ids and scope to the activities", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer);

    expect(activityCalls(result, "resolveTenants")[0]?.input).toEqual({ source: SOURCE_ID, target: TARGET_ID });
    expect(activityCalls(result, "ensureTargetPartner")[0]?.input).toEqual({
      tenantId: TARGET_ID,
      partnerTenantId: SOURCE_ID,
    });
    expect(activityCalls(result, "ensureSourcePartner")[0]?.input).toEqual({
      tenantId: SOURCE_ID,
      partnerTenantId: TARGET_ID,
    });
    expect(activityCalls(result, "assignPrincipals")[0]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      servicePrincipalId: SP_ID,
      appRoleId: APP_ROLE_ID,
      users: [USER_ID],
      groups: [],
    });
    expect(activityCalls(result, "startSyncJob")[0]?.input).toEqual({
      sourceTenantId: SOURCE_ID,
      servicePrincipalId: SP_ID,
      jobId: JOB_ID,
    });
  });

  it("derives the configuration name from the target when none is given", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer);

    expect((result.output as OnboardingResult).configurationName).toBe("Sync to Fabrikam");
    expect(activityCalls(result, "createSyncApplication")[0]?.input).toMatchObject({
      configurationName: "Sync to Fabrikam",
    });
    expect(activityCalls(result, "allowInboundSync")[0]?.input).toMatchObject({ displayName: "Sync to Fabrikam" });
  });

  it("uses the requested configuration name", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest({ configurationName: "HR sync" }),
      happyAnswer,
    );

    expect((result.output as OnboardingResult).configurationName).toBe("HR sync");
  });

  it("reports created and adopted objects per tenant", () => {
    const output = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer).output as OnboardingResult;

    expect(output.objects.target.map((o) => [o.type, o.created])).toEqual([
      ["partner", true],
      ["identitySynchronization", true],
      ["policyFlag", true],
    ]);
    expect(output.objects.source.map((o) => [o.type, o.created])).toEqual([
      ["partner", false],
      ["policyFlag", true],
      ["application", true],
      ["servicePrincipal", true],
      ["synchronizationJob", true],
      ["appRoleAssignment", true],
    ]);
    expect(output.firstCycle).toMatchObject({ completed: true, outcome: "cycleEnded", countExported: 1 });
  });

  it("waits for the service principal with growing timers", () => {
    const answer = answerWith({
      readServicePrincipal: (_task, call) => ({
        output: call < 4 ? { ready: false } : { ready: true, appRoleId: APP_ROLE_ID },
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer, { activitySeconds: 0 });

    expect(result.error).toBeUndefined();
    expect(activityCalls(result, "readServicePrincipal")).toHaveLength(4);
    const delays = timerDelaysSeconds(result);
    expect(delays).toEqual([2, 4, 8]);
  });

  it("shows the step waiting while a timer runs", () => {
    const answer = answerWith({
      readServicePrincipal: (_task, call) => ({
        output: call < 2 ? { ready: false } : { ready: true, appRoleId: APP_ROLE_ID },
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    const status = result.statusAtTimers[0] as OnboardingCustomStatus;
    expect(status.currentStep).toBe("waitForServicePrincipal");
    const step = status.steps.find((s) => s.name === "waitForServicePrincipal");
    expect(step?.state).toBe("waiting");
    expect(step?.waitingFor).toBe("service principal replication");
    expect(step?.startedAt).toBeDefined();
  });

  it("writes logs only when not replaying", () => {
    const live = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer);
    const replay = driveOrchestration(onboardTenantPair, onboardingRequest(), happyAnswer, { replaying: true });

    expect(live.logs.length).toBeGreaterThan(0);
    expect(live.logs.every((line) => line.startsWith("onboardTenantPair onboard-test: "))).toBe(true);
    expect(replay.logs).toEqual([]);
  });

  it("fails when the service principal never replicates", () => {
    const answer = answerWith({ readServicePrincipal: () => ({ output: { ready: false } }) });
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest({
        waits: { replicationTimeoutSeconds: 30, policyPropagationTimeoutSeconds: 900, firstCycleTimeoutSeconds: 1200 },
      }),
      answer,
      { activitySeconds: 0 },
    );

    expect(result.error?.message).toMatch(/^Onboarding step waitForServicePrincipal failed: .*not readable after 30 s/);
    expect(timerDelaysSeconds(result)).toEqual([2, 4, 8, 16]);
    expect(activityCalls(result, "createSyncJob")).toHaveLength(0);
    const step = (result.customStatus as OnboardingCustomStatus).steps.find(
      (s) => s.name === "waitForServicePrincipal",
    );
    expect(step?.state).toBe("failed");
    expect(step?.attempts).toBe(5);
  });

  it("retries credential validation until policies propagate", () => {
    const answer = answerWith({
      validateSyncCredentials: (_task, call) => ({
        output:
          call < 3
            ? { valid: false, code: "AzureDirectoryB2BManagementPolicyCheckFailure", message: "not yet" }
            : { valid: true },
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(result.error).toBeUndefined();
    expect(activityCalls(result, "validateSyncCredentials")).toHaveLength(3);
  });

  it("reports the policy code when credentials never validate", () => {
    const answer = answerWith({
      validateSyncCredentials: () => ({
        output: {
          valid: false,
          code: "AzureDirectoryB2BManagementPolicyCheckFailure",
          message: "Policy check failed.",
        },
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(result.error?.message).toMatch(/^Onboarding step validateSyncCredentials failed: .*Policy check failed\./);
    const step = (result.customStatus as OnboardingCustomStatus).steps.find(
      (s) => s.name === "validateSyncCredentials",
    );
    expect(step?.error?.graphCode).toBe("AzureDirectoryB2BManagementPolicyCheckFailure");
  });

  it("retries a transient Graph error with durable timers", () => {
    const answer = answerWith({
      createSyncJob: (task, call) =>
        call < 3
          ? { error: activityFailure(task.name, graphErrorText("transient", 503, "ServiceUnavailable")) }
          : happyAnswer(task),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer, { activitySeconds: 0 });

    expect(result.error).toBeUndefined();
    expect(activityCalls(result, "createSyncJob")).toHaveLength(3);
    expect(timerDelaysSeconds(result)).toEqual([2, 4]);
    const step = (result.customStatus as OnboardingCustomStatus).steps.find((s) => s.name === "createSyncJob");
    expect(step?.attempts).toBe(3);
  });

  it("gives up on transient errors after five attempts", () => {
    const answer = answerWith({
      createSyncJob: (task) => ({
        error: activityFailure(task.name, graphErrorText("transient", 429, "TooManyRequests")),
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer, { activitySeconds: 0 });

    expect(activityCalls(result, "createSyncJob")).toHaveLength(5);
    expect(timerDelaysSeconds(result)).toEqual([2, 4, 8, 16]);
    expect(result.error?.message).toMatch(/^Onboarding step createSyncJob failed: Graph transient error 429/);
  });

  it("fails a step at once on a non-transient error", () => {
    const answer = answerWith({
      createSyncJob: (task) => ({
        error: activityFailure(task.name, graphErrorText("forbidden", 403, "Authorization_RequestDenied")),
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(activityCalls(result, "createSyncJob")).toHaveLength(1);
    expect(activityCalls(result, "saveSyncSecrets")).toHaveLength(0);
    const status = result.customStatus as OnboardingCustomStatus;
    expect(status.currentStep).toBe("createSyncJob");
    const step = status.steps.find((s) => s.name === "createSyncJob");
    expect(step?.state).toBe("failed");
    expect(step?.error).toEqual({
      message: graphErrorText("forbidden", 403, "Authorization_RequestDenied"),
      graphCode: "Authorization_RequestDenied",
      requestId: "abc-123",
    });
    expect(status.steps.find((s) => s.name === "saveSyncSecrets")?.state).toBe("pending");
  });

  it("fails when the tenants resolve to one tenant", () => {
    const answer = answerWith({
      resolveTenants: (task) => {
        const tenants = happyAnswer(task) as { output: { source: object; target: object } };
        return { output: { source: tenants.output.source, target: tenants.output.source } };
      },
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(result.error?.message).toMatch(/^Onboarding step resolveTenants failed:/);
    expect(activityCalls(result, "ensureTargetPartner")).toHaveLength(0);
  });

  it("completes without a finished cycle when the wait times out", () => {
    const answer = answerWith({ readSyncJobStatus: () => ({ output: jobStatus() }) });
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest({
        waits: { replicationTimeoutSeconds: 600, policyPropagationTimeoutSeconds: 900, firstCycleTimeoutSeconds: 120 },
      }),
      answer,
    );

    expect(result.error).toBeUndefined();
    expect((result.output as OnboardingResult).firstCycle).toMatchObject({ completed: false, outcome: "timedOut" });
    const step = (result.customStatus as OnboardingCustomStatus).steps.find((s) => s.name === "waitForFirstCycle");
    expect(step?.state).toBe("succeeded");
  });

  it("ignores a cycle that ended before the job started", () => {
    const answer = answerWith({
      readSyncJobStatus: (_task, call) => ({
        output: finishedCycle(call < 3 ? "2025-12-31T00:00:00Z" : "2030-01-01T00:00:00Z"),
      }),
    });
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answer);

    expect(activityCalls(result, "readSyncJobStatus")).toHaveLength(3);
    expect((result.output as OnboardingResult).firstCycle.completed).toBe(true);
  });

  it("rejects an input without tenant ids", () => {
    const result = driveOrchestration(onboardTenantPair, { source: "contoso.com" }, happyAnswer);

    expect(result.error?.message).toMatch(/^Invalid onboarding input: .*sourceTenantId/);
    expect(result.tasks).toHaveLength(0);
  });
});

function timerDelaysSeconds(result: ReturnType<typeof driveOrchestration>): number[] {
  // With activities taking no clock time, each timer's delay is the gap to the previous task's clock time.
  const delays: number[] = [];
  let previous = new Date("2026-01-01T00:00:00Z").getTime();
  for (const timer of timers(result)) {
    delays.push((timer.fireAt.getTime() - previous) / 1000);
    previous = timer.fireAt.getTime();
  }
  return delays;
}
