import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  TENANT_A_ID,
  TENANT_B_ID,
  TENANT_C_ID,
} from "../../emulator/fixture";
import { TableTenantPairRegistry } from "../../src/registry/tableTenantPairRegistry";
import type { TenantPairRecord } from "../../src/registry/tenantPairRecord";
import {
  dumpTenant,
  postJson,
  registryTableName,
  startFullStack,
  waitForOperation,
  type FullStack,
  type TenantDump,
} from "./fullStack";

const pairUrl = (api: string, source = TENANT_A_ID, target = TENANT_B_ID) => `${api}/tenant-pairs/${source}/${target}`;

function deletePair(url: string, body?: unknown): Promise<Response> {
  if (body === undefined) {
    return fetch(url, { method: "DELETE" });
  }
  return fetch(url, { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

function syncedUsers(target: TenantDump): string[] {
  return target.users.filter((user) => user.userPrincipalName.includes("#EXT#")).map((user) => user.id);
}

function hasSyncApplication(source: TenantDump): boolean {
  return source.applications.some((app) => app.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID);
}

describe("offboarding through the local host", () => {
  let stack: FullStack;
  const registry = () =>
    TableTenantPairRegistry.fromConnectionString(inject("azuriteConnectionString"), registryTableName);

  async function onboard(): Promise<void> {
    const response = await postJson(`${stack.api}/tenant-pairs`, {
      source: TENANT_A_ID,
      target: TENANT_B_ID,
      scope: { groups: [ALL_EMPLOYEES_GROUP_ID] },
    });
    expect(response.status).toBe(202);
    const { statusUri } = (await response.json()) as { statusUri: string };
    expect((await waitForOperation(statusUri)).runtimeStatus).toBe("Completed");
  }

  async function offboard(body?: unknown): Promise<{ id: string; statusUri: string }> {
    const response = await deletePair(pairUrl(stack.api), body);
    expect(response.status).toBe(202);
    const started = (await response.json()) as { id: string; statusUri: string };
    expect(response.headers.get("location")).toBe(started.statusUri);
    expect(started.statusUri).toBe(`${stack.api}/operations/${started.id}`);
    const summary = await waitForOperation(started.statusUri);
    expect(summary.error).toBeUndefined();
    expect(summary.runtimeStatus).toBe("Completed");
    return started;
  }

  beforeAll(async () => {
    stack = await startFullStack({ settings: { OFFBOARDING_DEPROVISION_TIMEOUT_SECONDS: "60" } });
  }, 60_000);

  beforeEach(async () => {
    await fetch(`${stack.emulator.url}/_emulator/reset`, { method: "POST" });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it("removes synced users and created objects, keeping an admin's partner", async () => {
    // An admin configured the target's partner for tenant A before onboarding, without inbound sync or redemption.
    const adminPartner = await fetch(`${stack.emulator.url}/_emulator/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ automaticUserConsentSettings: { inboundAllowed: false } }),
    });
    expect(adminPartner.ok).toBe(true);
    await onboard();
    const onboarded = await dumpTenant(stack.emulator.url, TENANT_B_ID);
    expect(syncedUsers(onboarded).length).toBeGreaterThan(0);

    const { id, statusUri } = await offboard();

    const source = await dumpTenant(stack.emulator.url, TENANT_A_ID);
    const target = await dumpTenant(stack.emulator.url, TENANT_B_ID);
    expect(syncedUsers(target)).toEqual([]);
    expect(hasSyncApplication(source)).toBe(false);
    expect(source.servicePrincipals.some((sp) => sp.synchronization.jobs.length > 0)).toBe(false);
    expect(source.partners.map((partner) => partner.tenantId)).toEqual([]);
    expect(target.partners.map((partner) => partner.tenantId)).toEqual([TENANT_A_ID]);
    expect(target.partners[0]?.identitySynchronization).toBeNull();
    expect(target.partners[0]?.automaticUserConsentSettings?.inboundAllowed).toBe(false);

    const record = (await registry().get(TENANT_A_ID, TENANT_B_ID)) as TenantPairRecord;
    expect(record.state).toBe("offboarded");
    expect(record.lastOffboardingInstanceId).toBe(id);
    expect(record.offboarding?.result?.deprovisioning?.outcome).toBe("removed");
    expect(record.offboarding?.result?.deprovisioning?.deletedCount).toBe(syncedUsers(onboarded).length);
    expect(record.offboarding?.result?.kept).toContainEqual({
      tenantId: TENANT_B_ID,
      objectType: "partner",
      id: TENANT_A_ID,
    });

    const again = await deletePair(pairUrl(stack.api));
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(await again.json())).toContain(statusUri);
  });

  it("keeps the synced users with keepSyncedUsers", async () => {
    await onboard();
    const before = syncedUsers(await dumpTenant(stack.emulator.url, TENANT_B_ID));
    expect(before.length).toBeGreaterThan(0);

    await offboard({ keepSyncedUsers: true });

    const source = await dumpTenant(stack.emulator.url, TENANT_A_ID);
    const target = await dumpTenant(stack.emulator.url, TENANT_B_ID);
    expect(syncedUsers(target).sort()).toEqual([...before].sort());
    expect(hasSyncApplication(source)).toBe(false);
    expect(source.partners).toEqual([]);
    expect(target.partners).toEqual([]);
    const record = (await registry().get(TENANT_A_ID, TENANT_B_ID)) as TenantPairRecord;
    expect(record.state).toBe("offboarded");
    expect(record.offboarding?.result?.deprovisioning).toBeNull();
  });

  it("answers 404 with problem details for an unregistered pair", async () => {
    const response = await deletePair(pairUrl(stack.api, TENANT_A_ID, TENANT_C_ID));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
