import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  TENANT_A_ID,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { TableTenantPairRegistry } from "../../src/registry/tableTenantPairRegistry";
import { dumpTenant, postJson, registryTableName, startFullStack, waitForOperation, type FullStack } from "./fullStack";

const SAMPLE_BODY = { source: TENANT_A_ID, target: TENANT_B_ID, scope: { groups: [ALL_EMPLOYEES_GROUP_ID] } };
/** A user id that tenant A does not have, so the onboarding fails at verifyScopePrincipals before any write. */
const UNKNOWN_USER_ID = "00000000-0000-4000-8000-000000000099";

describe("onboarding again after an offboarding and a failed run", () => {
  let stack: FullStack;
  const registry = () =>
    TableTenantPairRegistry.fromConnectionString(inject("azuriteConnectionString"), registryTableName);

  async function onboard(body: unknown): Promise<Awaited<ReturnType<typeof waitForOperation>>> {
    const response = await postJson(`${stack.api}/tenant-pairs`, body);
    expect(response.status).toBe(202);
    return waitForOperation(((await response.json()) as { statusUri: string }).statusUri);
  }

  async function offboard(): Promise<void> {
    const response = await fetch(`${stack.api}/tenant-pairs/${TENANT_A_ID}/${TENANT_B_ID}`, { method: "DELETE" });
    expect(response.status).toBe(202);
    const summary = await waitForOperation(((await response.json()) as { statusUri: string }).statusUri);
    expect(summary.error).toBeUndefined();
    expect(summary.runtimeStatus).toBe("Completed");
  }

  async function syncApplicationIds(): Promise<string[]> {
    const source = await dumpTenant(stack.emulator.url, TENANT_A_ID);
    return source.applications
      .filter((app) => app.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID)
      .map((app) => app.id);
  }

  beforeAll(async () => {
    stack = await startFullStack({ settings: { OFFBOARDING_DEPROVISION_TIMEOUT_SECONDS: "30" } });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("leaves no sync application behind", async () => {
    expect((await onboard(SAMPLE_BODY)).runtimeStatus).toBe("Completed");
    await offboard();
    expect(await syncApplicationIds()).toEqual([]);
    const offboarded = await registry().get(TENANT_A_ID, TENANT_B_ID);
    expect(offboarded?.state).toBe("offboarded");

    const rejected = await onboard({ ...SAMPLE_BODY, scope: { users: [UNKNOWN_USER_ID] } });
    expect(rejected.runtimeStatus).toBe("Failed");
    expect(rejected.error?.step).toBe("verifyScopePrincipals");
    const afterRejected = await registry().get(TENANT_A_ID, TENANT_B_ID);
    expect(afterRejected?.state).toBe("offboarded");
    expect(afterRejected?.updatedAt).toBe(offboarded?.updatedAt);

    expect((await onboard(SAMPLE_BODY)).runtimeStatus).toBe("Completed");
    const liveApplicationIds = await syncApplicationIds();
    expect(liveApplicationIds).toHaveLength(1);
    const active = await registry().get(TENANT_A_ID, TENANT_B_ID);
    const applications = active?.objects.source.filter((record) => record.type === "application");
    expect(applications?.map((record) => record.id)).toEqual(liveApplicationIds);
    expect(active?.objects.source.filter((record) => record.type === "servicePrincipal")).toHaveLength(1);
    expect(active?.objects.source.filter((record) => record.type === "synchronizationJob")).toHaveLength(1);

    await offboard();
    expect(await syncApplicationIds()).toEqual([]);
    const removed = await registry().get(TENANT_A_ID, TENANT_B_ID);
    expect(removed?.offboarding?.result?.changes).toContainEqual(
      expect.objectContaining({
        action: "delete",
        objectType: "application",
        id: liveApplicationIds[0],
        alreadyDone: false,
      }),
    );

    expect((await onboard(SAMPLE_BODY)).runtimeStatus).toBe("Completed");
  }, 240_000);
});
