import "./testEnvironment";

import { setTimeout } from "node:timers/promises";

import { beforeEach, describe, expect, it } from "vitest";

import { CROSS_TENANT_SYNC_TEMPLATE_ID, TENANT_A_ID } from "../../emulator/fixture";
import { createSyncApplicationHandler } from "../../src/activities/createSyncApplication";
import { removeDuplicateSyncApplicationsHandler } from "../../src/activities/removeDuplicateSyncApplications";
import { collection, type EmulatorHarness, type Json } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";
import { CONFIGURATION_NAME, PAIR, waitUntilReady } from "./onboardingSteps";

let emulator: EmulatorHarness;
const createInput = { ...PAIR, configurationName: CONFIGURATION_NAME };

/** Long enough that a second create within it cannot see the first application. */
const REPLICATION_DELAY_MS = 1500;

async function sourceObjects(name: "applications" | "servicePrincipals"): Promise<Json[]> {
  const objects = collection(await emulator.dump(TENANT_A_ID), name);
  return objects.filter((object) => object["applicationTemplateId"] === CROSS_TENANT_SYNC_TEMPLATE_ID);
}

function checkInput(keepApplicationId: string, createdSince: Date) {
  return {
    sourceTenantId: TENANT_A_ID,
    configurationName: CONFIGURATION_NAME,
    keepApplicationId,
    createdSince: createdSince.toISOString(),
    preexistingApplicationIds: [],
  };
}

useEmulatorPerFile((started) => {
  emulator = started;
});

beforeEach(async () => {
  await emulator.admin("PUT", "/_emulator/settings", { replicationDelayMs: REPLICATION_DELAY_MS });
});

describe("removeDuplicateSyncApplications", () => {
  it("deletes a second create made within replication", async () => {
    const runStart = new Date();
    const first = await createSyncApplicationHandler(createInput, emulator.context());
    // The host died before the first result was recorded, so the step runs again while the first is still hidden.
    const second = await createSyncApplicationHandler(createInput, emulator.context());
    expect(second.created).toBe(true);
    expect(second.applicationId).not.toBe(first.applicationId);
    expect(await sourceObjects("applications")).toHaveLength(2);

    const ready = await waitUntilReady(emulator, second.servicePrincipalId, 5000);
    expect(ready.ready).toBe(true);
    const output = await removeDuplicateSyncApplicationsHandler(
      checkInput(second.applicationId, runStart),
      emulator.context(),
    );

    expect(output.removed).toEqual([
      { applicationId: first.applicationId, appId: first.appId, servicePrincipalId: first.servicePrincipalId },
    ]);
    expect((await sourceObjects("applications")).map((app) => app["id"])).toEqual([second.applicationId]);
    expect((await sourceObjects("servicePrincipals")).map((sp) => sp["id"])).toEqual([second.servicePrincipalId]);
    expect(emulator.logs.some((line) => line.text.startsWith("DuplicateSyncApplicationFound (2050)"))).toBe(true);
  });

  it("changes nothing on a second call", async () => {
    const runStart = new Date();
    await createSyncApplicationHandler(createInput, emulator.context());
    const second = await createSyncApplicationHandler(createInput, emulator.context());
    await waitUntilReady(emulator, second.servicePrincipalId, 5000);
    const input = checkInput(second.applicationId, runStart);
    await removeDuplicateSyncApplicationsHandler(input, emulator.context());

    await expect(removeDuplicateSyncApplicationsHandler(input, emulator.context())).resolves.toEqual({ removed: [] });
    expect(await sourceObjects("applications")).toHaveLength(1);
  });

  it("keeps an application created before the run", async () => {
    const older = await createSyncApplicationHandler(createInput, emulator.context());
    // Past the next whole second, because Graph's createdDateTime has no fraction.
    await setTimeout(1100);
    const runStart = new Date();
    const kept = await createSyncApplicationHandler(createInput, emulator.context());
    expect(kept.applicationId).not.toBe(older.applicationId);
    await waitUntilReady(emulator, kept.servicePrincipalId, 5000);

    const output = await removeDuplicateSyncApplicationsHandler(
      checkInput(kept.applicationId, runStart),
      emulator.context(),
    );

    expect(output.removed).toEqual([]);
    expect(await sourceObjects("applications")).toHaveLength(2);
  });

  it("ignores other configuration names", async () => {
    const runStart = new Date();
    const kept = await createSyncApplicationHandler(createInput, emulator.context());
    const other = await createSyncApplicationHandler(
      { ...createInput, configurationName: `${CONFIGURATION_NAME} 2` },
      emulator.context(),
    );
    await waitUntilReady(emulator, other.servicePrincipalId, 5000);

    const output = await removeDuplicateSyncApplicationsHandler(
      checkInput(kept.applicationId, runStart),
      emulator.context(),
    );

    expect(output.removed).toEqual([]);
    expect(await sourceObjects("applications")).toHaveLength(2);
  });
});
