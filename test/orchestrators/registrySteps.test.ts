import { describe, expect, it } from "vitest";

import { onboardTenantPair } from "../../src/orchestrators/onboardTenantPair";
import type { OnboardingCustomStatus } from "../../src/shared/onboardingStatus";
import type { OnboardingResult } from "../../src/shared/onboardingResult";
import type { RecordOnboardingFailedInput } from "../../src/shared/registryContracts";
import {
  type ActivityAnswer,
  type FakeTask,
  activityCalls,
  driveOrchestration,
  timers,
} from "./support/fakeOrchestration";
import {
  SOURCE_ID,
  SP_ID,
  TARGET_ID,
  activityFailure,
  graphErrorText,
  happyAnswer,
  onboardingRequest,
} from "./support/onboardingFixtures";

type ActivityTask = Extract<FakeTask, { kind: "activity" }>;

const SCOPE_FOUND = { output: { users: 1, groups: 0, guestUsers: 0, disabledUsers: 0 } };

function answerWith(overrides: Record<string, (task: ActivityTask, call: number) => ActivityAnswer>) {
  return (task: ActivityTask, call: number): ActivityAnswer => {
    const override = overrides[task.name];
    if (override !== undefined) {
      return override(task, call);
    }
    if (task.name === "verifyScopePrincipals") {
      return SCOPE_FOUND;
    }
    return /^(delete|remove|restore)/.test(task.name) && task.name !== "removeDuplicateSyncApplications"
      ? { output: { alreadyUndone: false } }
      : happyAnswer(task);
  };
}

const happy = answerWith({});
const failJob = () => ({
  error: activityFailure("createSyncJob", graphErrorText("forbidden", 403, "Authorization_RequestDenied")),
});
const tableDown = (name: string) => () => ({
  error: activityFailure(
    name,
    "Tenant-pair registry transient error - ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:10002",
  ),
});
const tablePermanent = (name: string) => () => ({
  error: activityFailure(name, "Tenant-pair registry permanent error 403 AuthorizationFailure: not allowed"),
});

function stepOf(status: unknown, name: string) {
  return (status as OnboardingCustomStatus).steps.find((step) => step.name === name);
}

describe("onboardTenantPair registry records", () => {
  it("records the start with the resolved tenants", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest({ configurationName: "Sync A" }), happy);

    expect(activityCalls(result, "recordOnboardingStarted")[0]?.input).toMatchObject({
      instanceId: "onboard-test",
      source: { tenantId: SOURCE_ID, displayName: "Contoso" },
      target: { tenantId: TARGET_ID, displayName: "Fabrikam" },
      configurationName: "Sync A",
    });
    expect(stepOf(result.customStatus, "registerPair")).toMatchObject({ state: "succeeded", attempts: 1 });
  });

  it("records success with the run's result", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), happy);

    const input = activityCalls(result, "recordOnboardingSucceeded")[0]?.input as {
      instanceId: string;
      result: OnboardingResult;
    };
    expect(input.instanceId).toBe("onboard-test");
    expect(input.result).toEqual(result.output);
    expect(activityCalls(result, "recordOnboardingFailed")).toHaveLength(0);
    expect(stepOf(result.customStatus, "recordResult")).toMatchObject({ state: "succeeded", detail: "state active" });
  });

  it("records failure with the pair after the rollback", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith({ createSyncJob: failJob }));

    const names = activityCalls(result).map((task) => task.name);
    expect(names.at(-1)).toBe("recordOnboardingFailed");
    expect(names).not.toContain("recordOnboardingSucceeded");
    const input = activityCalls(result, "recordOnboardingFailed")[0]?.input as RecordOnboardingFailedInput;
    expect(input).toMatchObject({ instanceId: "onboard-test", sourceTenantId: SOURCE_ID, targetTenantId: TARGET_ID });
    expect(input.pair).toMatchObject({ source: { tenantId: SOURCE_ID }, target: { tenantId: TARGET_ID } });
    expect(stepOf(result.customStatus, "recordResult")?.state).toBe("succeeded");
    expect((result.customStatus as OnboardingCustomStatus).currentStep).toBe("createSyncJob");
  });

  it("leaves the registry alone before registering", () => {
    const scopeMissing = () => ({ error: activityFailure("verifyScopePrincipals", "Not found in the source tenant") });
    const failuresBeforeRegistering: Array<Parameters<typeof answerWith>[0]> = [
      { resolveTenants: () => ({ error: activityFailure("resolveTenants", "tenant lookup failed") }) },
      { verifyScopePrincipals: scopeMissing },
    ];
    for (const overrides of failuresBeforeRegistering) {
      const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith(overrides));

      expect(result.error).toBeDefined();
      expect(activityCalls(result, "recordOnboardingStarted")).toHaveLength(0);
      expect(activityCalls(result, "recordOnboardingFailed")).toHaveLength(0);
    }
  });

  it("records no pair when registering it failed", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({ recordOnboardingStarted: tablePermanent("recordOnboardingStarted") }),
    );

    const input = activityCalls(result, "recordOnboardingFailed")[0]?.input as RecordOnboardingFailedInput;
    expect(input.pair).toBeUndefined();
    expect(input.objects).toBeUndefined();
  });

  it("keeps only adopted objects after a full rollback", () => {
    const result = driveOrchestration(onboardTenantPair, onboardingRequest(), answerWith({ createSyncJob: failJob }));

    const input = activityCalls(result, "recordOnboardingFailed")[0]?.input as RecordOnboardingFailedInput;
    const all = [...(input.objects?.source ?? []), ...(input.objects?.target ?? [])];
    expect(all.filter((record) => record.created)).toEqual([]);
  });

  it("keeps the objects a failed compensation left behind", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({
        createSyncJob: failJob,
        deleteSyncApplication: () => ({
          error: activityFailure(
            "deleteSyncApplication",
            graphErrorText("forbidden", 403, "Authorization_RequestDenied"),
          ),
        }),
      }),
    );

    const input = activityCalls(result, "recordOnboardingFailed")[0]?.input as RecordOnboardingFailedInput;
    const created = (input.objects?.source ?? []).filter((record) => record.created).map((record) => record.type);
    expect(created).toEqual(["application", "servicePrincipal"]);
    expect(input.objects?.source.find((record) => record.type === "servicePrincipal")?.id).toBe(SP_ID);
    expect((input.objects?.target ?? []).filter((record) => record.created)).toEqual([]);
  });

  it("keeps every created object when rollback is off", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest({ rollbackOnFailure: false }),
      answerWith({ createSyncJob: failJob }),
    );

    const input = activityCalls(result, "recordOnboardingFailed")[0]?.input as RecordOnboardingFailedInput;
    const createdTypes = [...(input.objects?.source ?? []), ...(input.objects?.target ?? [])]
      .filter((record) => record.created)
      .map((record) => record.type)
      .sort();
    expect(createdTypes).toEqual([
      "application",
      "identitySynchronization",
      "partner",
      "policyFlag",
      "policyFlag",
      "servicePrincipal",
    ]);
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
    expect(stepOf(result.customStatus, "recordResult")?.state).toBe("failed");
    const firstFailed = (result.customStatus as OnboardingCustomStatus).steps.find((step) => step.state === "failed");
    expect(firstFailed?.name).toBe("createSyncJob");
  });

  it("stops before any Graph write when registering fails", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({ recordOnboardingStarted: tablePermanent("recordOnboardingStarted") }),
    );

    expect(result.error?.message).toMatch(
      /^Onboarding step registerPair failed: Tenant-pair registry permanent error 403/,
    );
    expect(result.error?.message).toMatch(
      /not allowed\. Nothing was changed in either tenant; start the onboarding again\.$/,
    );
    expect(stepOf(result.customStatus, "registerPair")?.state).toBe("failed");
    expect(activityCalls(result, "ensureTargetPartner")).toHaveLength(0);
  });

  it("adds a full stop before the advice", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({
        recordOnboardingStarted: () => ({ error: activityFailure("recordOnboardingStarted", "table unavailable") }),
      }),
    );

    expect(result.error?.message).toContain("table unavailable. Nothing was changed");
  });

  it("retries a transient registry error with durable timers", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({
        recordOnboardingStarted: (task, call) =>
          call < 3 ? tableDown("recordOnboardingStarted")() : happyAnswer(task),
      }),
    );

    expect(result.error).toBeUndefined();
    expect(activityCalls(result, "recordOnboardingStarted")).toHaveLength(3);
    expect(stepOf(result.customStatus, "registerPair")).toMatchObject({ state: "succeeded", attempts: 3 });
    const waiting = (result.statusAtTimers[0] as OnboardingCustomStatus).steps.find(
      (step) => step.name === "registerPair",
    );
    expect(waiting?.waitingFor).toBe("retry after a transient registry error (attempt 1 of 5)");
  });

  it("gives up on a registry outage after five attempts", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({ recordOnboardingSucceeded: tableDown("recordOnboardingSucceeded") }),
    );

    expect(activityCalls(result, "recordOnboardingSucceeded")).toHaveLength(5);
    expect(timers(result).length).toBeGreaterThanOrEqual(4);
    expect(result.error?.message).toMatch(/^Onboarding step recordResult failed: Tenant-pair registry transient error/);
    expect(result.error?.message).toMatch(/The pair is set up; start the onboarding again to record it/);
  });

  it("fails without rollback when recording success fails", () => {
    const result = driveOrchestration(
      onboardTenantPair,
      onboardingRequest(),
      answerWith({
        recordOnboardingSucceeded: () => ({ error: activityFailure("recordOnboardingSucceeded", "table unavailable") }),
      }),
    );

    expect(stepOf(result.customStatus, "recordResult")?.state).toBe("failed");
    expect(stepOf(result.customStatus, "waitForFirstCycle")?.state).toBe("succeeded");
    const names = activityCalls(result).map((task) => task.name);
    const undoing = names.filter(
      (name) => /^(delete|remove|restore)/.test(name) && name !== "removeDuplicateSyncApplications",
    );
    expect(undoing).toEqual([]);
    expect(names).not.toContain("recordOnboardingFailed");
  });
});
