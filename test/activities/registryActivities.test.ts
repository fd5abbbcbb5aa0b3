import "./testEnvironment";

import { InvocationContext } from "@azure/functions";
import { beforeAll, describe, expect, inject, it } from "vitest";

import { recordOnboardingFailedHandler } from "../../src/activities/recordOnboardingFailed";
import { recordOnboardingStartedHandler } from "../../src/activities/recordOnboardingStarted";
import { recordOnboardingSucceededHandler } from "../../src/activities/recordOnboardingSucceeded";
import { resetSettingsCache } from "../../src/config/settings";
import { getTenantPairRegistry, resetTenantPairRegistry } from "../../src/registry/tenantPairRegistry";
import type { OnboardingResult } from "../../src/shared/onboardingResult";
import { healthResult, pairRecord, tenantId, uniqueTableName } from "../registry/registryFixtures";

const context = () =>
  new InvocationContext({ logHandler: () => undefined, triggerMetadata: { instanceId: "onboard-x" } });
let pairNumber = 0;

/** Returns a pair that no other test in this file uses. */
function newPair() {
  pairNumber += 1;
  return { source: tenantId(2 * pairNumber), target: tenantId(2 * pairNumber + 1) };
}

function startedInput(pair: { source: string; target: string }, instanceId = "onboard-1") {
  return {
    instanceId,
    source: { tenantId: pair.source, displayName: "Contoso", defaultDomainName: "contoso.onmicrosoft.com" },
    target: { tenantId: pair.target, displayName: "Fabrikam", defaultDomainName: "fabrikam.onmicrosoft.com" },
    configurationName: "Contoso sync",
  };
}

function onboardingResult(pair: { source: string; target: string }): OnboardingResult {
  const { source, target } = startedInput(pair);
  return {
    source,
    target,
    configurationName: "Contoso sync",
    objects: {
      source: [
        { type: "partner", id: pair.target, created: false },
        { type: "application", id: "app-object-id", created: true, detail: { appId: "app-client-id" } },
        { type: "servicePrincipal", id: "sp-id", created: true },
        { type: "synchronizationJob", id: "Azure2Azure.job", created: true, detail: { servicePrincipalId: "sp-id" } },
      ],
      target: [{ type: "partner", id: pair.source, created: true }],
    },
    firstCycle: {
      completed: true,
      outcome: "cycleEnded",
      jobId: "Azure2Azure.job",
      statusCode: "Active",
      scheduleState: "Active",
      lastExecutionState: "Succeeded",
      timeEnded: null,
      countEntitled: 1,
      countExported: 1,
      countEscrowed: 0,
      errorCode: null,
      quarantineReason: null,
    },
  };
}

beforeAll(() => {
  process.env.AzureWebJobsStorage = inject("azuriteConnectionString");
  process.env.REGISTRY_TABLE_NAME = uniqueTableName("Activities");
  resetSettingsCache();
  resetTenantPairRegistry();
});

describe("registry activities", () => {
  it("recordOnboardingStarted creates an onboarding record", async () => {
    const pair = newPair();
    const output = await recordOnboardingStartedHandler(startedInput(pair), context());

    expect(output).toEqual({ state: "onboarding" });
    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record).toMatchObject({
      state: "onboarding",
      sourceDisplayName: "Contoso",
      targetDomainName: "fabrikam.onmicrosoft.com",
      configurationName: "Contoso sync",
      applicationId: null,
      lastOnboardingInstanceId: "onboard-1",
      healthHistory: [],
    });
  });

  it("recordOnboardingStarted keeps an existing record's history", async () => {
    const pair = newPair();
    const existing = pairRecord({
      sourceTenantId: pair.source,
      targetTenantId: pair.target,
      healthHistory: [healthResult(1)],
    });
    await getTenantPairRegistry().upsert(existing);

    await recordOnboardingStartedHandler(startedInput(pair, "onboard-2"), context());

    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record?.state).toBe("onboarding");
    expect(record?.healthHistory).toEqual(existing.healthHistory);
    expect(record?.applicationId).toBe(existing.applicationId);
    expect(record?.createdAt).toBe(existing.createdAt);
    expect(record?.lastOnboardingInstanceId).toBe("onboard-2");
  });

  it("recordOnboardingSucceeded stores the ids and objects", async () => {
    const pair = newPair();
    await recordOnboardingStartedHandler(startedInput(pair), context());
    const result = onboardingResult(pair);

    const output = await recordOnboardingSucceededHandler({ instanceId: "onboard-1", result }, context());

    expect(output).toEqual({ state: "active" });
    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record).toMatchObject({
      state: "active",
      applicationId: "app-object-id",
      appId: "app-client-id",
      servicePrincipalId: "sp-id",
      jobId: "Azure2Azure.job",
    });
    expect(record?.objects).toEqual(result.objects);
  });

  it("recordOnboardingSucceeded keeps what an earlier run created", async () => {
    const pair = newPair();
    await recordOnboardingStartedHandler(startedInput(pair), context());
    const first = onboardingResult(pair);
    await recordOnboardingSucceededHandler({ instanceId: "onboard-1", result: first }, context());

    // A rerun adopts everything it finds, so all its records say created: false.
    const rerun = onboardingResult(pair);
    rerun.objects.source = rerun.objects.source.map((record) => ({ ...record, created: false }));
    rerun.objects.target = rerun.objects.target.map((record) => ({ ...record, created: false }));
    await recordOnboardingStartedHandler(startedInput(pair, "onboard-2"), context());
    await recordOnboardingSucceededHandler({ instanceId: "onboard-2", result: rerun }, context());

    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record?.objects).toEqual(first.objects);
  });

  it("recordOnboardingStarted forgets the objects of an offboarded pair", async () => {
    const pair = newPair();
    await recordOnboardingStartedHandler(startedInput(pair), context());
    await recordOnboardingSucceededHandler({ instanceId: "onboard-1", result: onboardingResult(pair) }, context());
    await getTenantPairRegistry().update(pair.source, pair.target, (current) => ({ ...current, state: "offboarded" }));

    await recordOnboardingStartedHandler(startedInput(pair, "onboard-2"), context());

    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record?.state).toBe("onboarding");
    expect(record?.objects).toEqual({ source: [], target: [] });
    expect(record?.applicationId).toBeNull();
    expect(record?.jobId).toBeNull();
  });

  it("recordOnboardingFailed marks a pair its run registered failed", async () => {
    const pair = newPair();
    await recordOnboardingStartedHandler(startedInput(pair, "onboard-3"), context());

    const output = await recordOnboardingFailedHandler(
      { instanceId: "onboard-3", sourceTenantId: pair.source, targetTenantId: pair.target },
      context(),
    );

    expect(output).toEqual({ state: "failed" });
    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record?.state).toBe("failed");
    expect(record?.lastOnboardingInstanceId).toBe("onboard-3");
  });

  it("recordOnboardingStarted forgets offboarded objects of a failed pair", async () => {
    const pair = newPair();
    const result = onboardingResult(pair);
    await recordOnboardingStartedHandler(startedInput(pair), context());
    await recordOnboardingSucceededHandler({ instanceId: "onboard-1", result }, context());
    const change = (tenantId: string, objectType: "application" | "synchronizationJob" | "partner", id: string) => ({
      action: "delete" as const,
      tenantId,
      objectType,
      id,
      alreadyDone: false,
    });
    // An older release marked the pair failed when a run failed before registering it, after the offboarding.
    await getTenantPairRegistry().update(pair.source, pair.target, (current) => ({
      ...current,
      state: "failed",
      offboarding: {
        instanceId: "offboard-1",
        keepSyncedUsers: false,
        startedAt: current.updatedAt,
        endedAt: current.updatedAt,
        error: null,
        result: {
          sourceTenantId: pair.source,
          targetTenantId: pair.target,
          keepSyncedUsers: false,
          unassignedCount: 0,
          deprovisioning: null,
          changes: [
            change(pair.source, "synchronizationJob", "Azure2Azure.job"),
            change(pair.source, "application", "app-object-id"),
            change(pair.target, "partner", pair.source),
          ],
          kept: [{ tenantId: pair.source, objectType: "partner", id: pair.target }],
        },
      },
    }));

    await recordOnboardingStartedHandler(startedInput(pair, "onboard-2"), context());

    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record?.objects).toEqual({ source: [], target: [] });
    expect(record?.applicationId).toBeNull();
  });

  it("recordOnboardingFailed leaves an unknown pair alone", async () => {
    const pair = newPair();
    const output = await recordOnboardingFailedHandler(
      { instanceId: "onboard-4", sourceTenantId: pair.source, targetTenantId: pair.target },
      context(),
    );

    expect(output).toEqual({ state: null });
    expect(await getTenantPairRegistry().get(pair.source, pair.target)).toBeUndefined();
  });

  it("recordOnboardingSucceeded creates a record the registry lost", async () => {
    const pair = newPair();
    const result = onboardingResult(pair);

    const output = await recordOnboardingSucceededHandler({ instanceId: "onboard-5", result }, context());

    expect(output).toEqual({ state: "active" });
    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record).toMatchObject({
      state: "active",
      sourceDisplayName: "Contoso",
      targetDomainName: "fabrikam.onmicrosoft.com",
      configurationName: "Contoso sync",
      applicationId: "app-object-id",
      servicePrincipalId: "sp-id",
      jobId: "Azure2Azure.job",
      lastOnboardingInstanceId: "onboard-5",
    });
    expect(record?.objects).toEqual(result.objects);
  });

  it("recordOnboardingFailed creates a lost record with the leftovers", async () => {
    const pair = newPair();
    const { source, target } = startedInput(pair);
    const objects = onboardingResult(pair).objects;

    const output = await recordOnboardingFailedHandler(
      {
        instanceId: "onboard-6",
        sourceTenantId: pair.source,
        targetTenantId: pair.target,
        pair: { source, target, configurationName: "Contoso sync" },
        objects,
      },
      context(),
    );

    expect(output).toEqual({ state: "failed" });
    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record).toMatchObject({ state: "failed", configurationName: "Contoso sync", servicePrincipalId: "sp-id" });
    expect(record?.objects).toEqual(objects);
  });

  it("recordOnboardingFailed merges the leftovers into a known record", async () => {
    const pair = newPair();
    await recordOnboardingStartedHandler(startedInput(pair), context());
    const leftover = { type: "application" as const, id: "app-left", created: true, detail: { appId: "left-client" } };

    await recordOnboardingFailedHandler(
      {
        instanceId: "onboard-1",
        sourceTenantId: pair.source,
        targetTenantId: pair.target,
        objects: { source: [leftover, { type: "servicePrincipal", id: "sp-left", created: true }], target: [] },
      },
      context(),
    );

    const record = await getTenantPairRegistry().get(pair.source, pair.target);
    expect(record?.state).toBe("failed");
    expect(record?.objects.source.map((item) => item.id)).toEqual(["app-left", "sp-left"]);
    expect(record?.applicationId).toBe("app-left");
    expect(record?.appId).toBe("left-client");
    expect(record?.servicePrincipalId).toBe("sp-left");
  });
});
