import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  TENANT_A_ID,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { TableTenantPairRegistry } from "../../src/registry/tableTenantPairRegistry";
import type { RollbackStatus } from "../../src/shared/rollbackStatus";
import { dumpTenant, postJson, registryTableName, startFullStack, waitForOperation, type FullStack } from "./fullStack";

async function addFault(emulatorUrl: string, fault: Record<string, unknown>): Promise<void> {
  const response = await postJson(`${emulatorUrl}/_emulator/faults`, fault);
  expect(response.status).toBe(201);
}

describe("offboarding a pair whose rollback left objects behind", () => {
  let stack: FullStack;
  const registry = () =>
    TableTenantPairRegistry.fromConnectionString(inject("azuriteConnectionString"), registryTableName);

  beforeAll(async () => {
    stack = await startFullStack({ settings: { OFFBOARDING_DEPROVISION_TIMEOUT_SECONDS: "30" } });
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("removes the sync application the rollback could not delete", async () => {
    // createSyncJob fails for good, and the rollback's first attempt to delete the service principal is refused.
    const denied = { status: 403, code: "Authorization_RequestDenied", tenantId: TENANT_A_ID, times: 1 };
    await addFault(stack.emulator.url, { ...denied, method: "POST", path: "/synchronization/jobs$" });
    await addFault(stack.emulator.url, { ...denied, method: "DELETE", path: "^/servicePrincipals/[^/]+$" });

    const started = await postJson(`${stack.api}/tenant-pairs`, {
      source: TENANT_A_ID,
      target: TENANT_B_ID,
      scope: { groups: [ALL_EMPLOYEES_GROUP_ID] },
    });
    expect(started.status).toBe(202);
    const { statusUri } = (await started.json()) as { statusUri: string };
    const onboarding = (await waitForOperation(statusUri)) as Awaited<ReturnType<typeof waitForOperation>> & {
      rollback?: RollbackStatus;
    };
    expect(onboarding.runtimeStatus).toBe("Failed");
    expect(onboarding.error?.step).toBe("createSyncJob");
    expect(onboarding.rollback?.state).toBe("incomplete");
    expect(onboarding.rollback?.leftBehind.map((item) => item.objectType)).toEqual(["application"]);
    const applicationId = onboarding.rollback?.leftBehind[0]?.id;

    const before = await dumpTenant(stack.emulator.url, TENANT_A_ID);
    expect(before.applications.map((app) => app.id)).toContain(applicationId);
    const failed = await registry().get(TENANT_A_ID, TENANT_B_ID);
    expect(failed?.state).toBe("failed");
    expect(failed?.objects.source.filter((record) => record.created).map((record) => record.type)).toEqual([
      "application",
      "servicePrincipal",
    ]);

    const deleted = await fetch(`${stack.api}/tenant-pairs/${TENANT_A_ID}/${TENANT_B_ID}`, { method: "DELETE" });
    expect(deleted.status).toBe(202);
    const offboarding = await waitForOperation(((await deleted.json()) as { statusUri: string }).statusUri);
    expect(offboarding.error).toBeUndefined();
    expect(offboarding.runtimeStatus).toBe("Completed");

    const after = await dumpTenant(stack.emulator.url, TENANT_A_ID);
    expect(after.applications.some((app) => app.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID)).toBe(false);
    expect(
      after.servicePrincipals.some(
        (sp) => sp.appId === before.applications.find((app) => app.id === applicationId)?.appId,
      ),
    ).toBe(false);
    const record = await registry().get(TENANT_A_ID, TENANT_B_ID);
    expect(record?.state).toBe("offboarded");
    expect(record?.offboarding?.result?.changes).toContainEqual(
      expect.objectContaining({ action: "delete", objectType: "application", id: applicationId, alreadyDone: false }),
    );
  }, 120_000);
});
