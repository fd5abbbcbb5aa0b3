import "./testEnvironment";

import { describe, expect, it } from "vitest";

import { TENANT_A_DOMAIN, TENANT_A_ID, TENANT_A_NAME, TENANT_B_DOMAIN, TENANT_B_ID } from "../../emulator/fixture";
import { allowInboundSyncHandler } from "../../src/activities/allowInboundSync";
import { enableSourceAutoRedemptionHandler } from "../../src/activities/enableSourceAutoRedemption";
import { enableTargetAutoRedemptionHandler } from "../../src/activities/enableTargetAutoRedemption";
import { ensureSourcePartnerHandler } from "../../src/activities/ensureSourcePartner";
import { ensureTargetPartnerHandler } from "../../src/activities/ensureTargetPartner";
import { resolveTenantsHandler } from "../../src/activities/resolveTenants";
import { parseGraphErrorText } from "../../src/graph/graphErrorText";
import { collection, type EmulatorHarness, expectedError, INSTANCE_ID, type Json } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";

let emulator: EmulatorHarness;
const inTarget = { tenantId: TENANT_B_ID, partnerTenantId: TENANT_A_ID };
const inSource = { tenantId: TENANT_A_ID, partnerTenantId: TENANT_B_ID };

async function partnersIn(tenantId: string): Promise<Json[]> {
  return collection(await emulator.dump(tenantId), "partners");
}

useEmulatorPerFile((started) => {
  emulator = started;
});

describe("resolveTenants", () => {
  it("resolves ids and domains", async () => {
    const output = await resolveTenantsHandler({ source: TENANT_A_ID, target: TENANT_B_DOMAIN }, emulator.context());
    expect(output.source).toEqual({
      tenantId: TENANT_A_ID,
      displayName: TENANT_A_NAME,
      defaultDomainName: TENANT_A_DOMAIN,
    });
    expect(output.target.tenantId).toBe(TENANT_B_ID);
  });

  it("rejects the same tenant twice", async () => {
    const error = await expectedError(
      resolveTenantsHandler({ source: TENANT_A_DOMAIN, target: TENANT_A_ID }, emulator.context()),
    );
    expect(error.message).toMatch(/are the same tenant \(140f6c96/);
  });

  it("names an unknown domain", async () => {
    const error = await expectedError(
      resolveTenantsHandler({ source: "unknown.example.com", target: TENANT_B_ID }, emulator.context()),
    );
    expect(error.name).toBe("TenantNotFoundError");
    expect(error.message).toContain("'unknown.example.com'");
  });

  it("names an unknown tenant id", async () => {
    const unknownId = "00000000-1111-4222-8333-444444444444";
    const input = { source: TENANT_A_ID, target: unknownId };
    const error = await expectedError(resolveTenantsHandler(input, emulator.context()));
    expect(error.name).toBe("TenantNotFoundError");
    expect(error.message).toContain(unknownId);
  });

  it("rejects a value that is neither id nor domain", async () => {
    const input = { source: "not a tenant", target: TENANT_B_ID };
    const error = await expectedError(resolveTenantsHandler(input, emulator.context()));
    expect(error.message).toMatch(/neither a tenant id \(GUID\) nor a domain name/);
  });
});

describe("ensureTargetPartner", () => {
  it("creates, then adopts without a duplicate", async () => {
    await expect(ensureTargetPartnerHandler(inTarget, emulator.context())).resolves.toEqual({
      id: TENANT_A_ID,
      created: true,
    });
    await expect(ensureTargetPartnerHandler(inTarget, emulator.context())).resolves.toEqual({
      id: TENANT_A_ID,
      created: false,
    });
    const partners = await partnersIn(TENANT_B_ID);
    expect(partners.filter((partner) => partner["tenantId"] === TENANT_A_ID)).toHaveLength(1);
  });

  it("logs with the instance id", async () => {
    await ensureTargetPartnerHandler(inTarget, emulator.context());
    const created = emulator.logs.find((line) => line.text.startsWith("DirectoryObjectCreated (2010)"));
    expect(created?.text).toContain(`instanceId=${INSTANCE_ID}`);
    expect(created?.text).toContain("activity=ensureTargetPartner");
  });

  it("lets a Graph failure propagate in the error format", async () => {
    await emulator.fault({
      method: "POST",
      path: "^/policies/crossTenantAccessPolicy/partners$",
      status: 403,
      code: "Authorization_RequestDenied",
    });
    const error = await expectedError(ensureTargetPartnerHandler(inTarget, emulator.context()));
    const parsed = parseGraphErrorText(error.message);
    expect(parsed?.kind).toBe("forbidden");
    expect(parsed?.code).toBe("Authorization_RequestDenied");
    expect(parsed?.requestId).toBeDefined();
    const failed = emulator.logs.find((line) => line.text.startsWith("ActivityFailed (2003)"));
    expect(failed?.level).toBe("error");
    expect(failed?.text).toContain("Authorization_RequestDenied");
  });
});

describe("ensureSourcePartner", () => {
  it("creates, then adopts without a duplicate", async () => {
    await expect(ensureSourcePartnerHandler(inSource, emulator.context())).resolves.toEqual({
      id: TENANT_B_ID,
      created: true,
    });
    await expect(ensureSourcePartnerHandler(inSource, emulator.context())).resolves.toEqual({
      id: TENANT_B_ID,
      created: false,
    });
    const partners = await partnersIn(TENANT_A_ID);
    expect(partners.filter((partner) => partner["tenantId"] === TENANT_B_ID)).toHaveLength(1);
  });
});

describe("allowInboundSync", () => {
  const input = { sourceTenantId: TENANT_A_ID, targetTenantId: TENANT_B_ID, displayName: "Sync from Tenant A" };

  async function policy(): Promise<Json | null | undefined> {
    const partner = (await partnersIn(TENANT_B_ID)).find((candidate) => candidate["tenantId"] === TENANT_A_ID);
    return partner?.["identitySynchronization"] as Json | null | undefined;
  }

  it("creates, then adopts the allowed policy", async () => {
    await ensureTargetPartnerHandler(inTarget, emulator.context());
    await expect(allowInboundSyncHandler(input, emulator.context())).resolves.toEqual({
      created: true,
      previousIsSyncAllowed: null,
    });
    await expect(allowInboundSyncHandler(input, emulator.context())).resolves.toEqual({
      created: false,
      previousIsSyncAllowed: true,
    });
    const current = await policy();
    expect(current?.["displayName"]).toBe("Sync from Tenant A");
    expect(current?.["userSyncInbound"]).toEqual({ isSyncAllowed: true });
  });

  it("turns on a policy that disallows sync", async () => {
    await ensureTargetPartnerHandler(inTarget, emulator.context());
    await allowInboundSyncHandler(input, emulator.context());
    await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, {
      identitySynchronization: { userSyncInbound: { isSyncAllowed: false } },
    });
    expect((await policy())?.["userSyncInbound"]).toEqual({ isSyncAllowed: false });
    await expect(allowInboundSyncHandler(input, emulator.context())).resolves.toEqual({
      created: false,
      previousIsSyncAllowed: false,
    });
    expect((await policy())?.["userSyncInbound"]).toEqual({ isSyncAllowed: true });
  });
});

describe("auto-redemption", () => {
  async function consent(tenantId: string, partnerTenantId: string): Promise<unknown> {
    const partner = (await partnersIn(tenantId)).find((candidate) => candidate["tenantId"] === partnerTenantId);
    return partner?.["automaticUserConsentSettings"];
  }

  it("sets inbound in the target once", async () => {
    await ensureTargetPartnerHandler(inTarget, emulator.context());
    await expect(enableTargetAutoRedemptionHandler(inTarget, emulator.context())).resolves.toEqual({
      changed: true,
      previousValue: null,
    });
    await expect(enableTargetAutoRedemptionHandler(inTarget, emulator.context())).resolves.toEqual({
      changed: false,
      previousValue: true,
    });
    expect(await consent(TENANT_B_ID, TENANT_A_ID)).toMatchObject({ inboundAllowed: true });
  });

  it("sets outbound in the source once", async () => {
    await ensureSourcePartnerHandler(inSource, emulator.context());
    await expect(enableSourceAutoRedemptionHandler(inSource, emulator.context())).resolves.toEqual({
      changed: true,
      previousValue: null,
    });
    await expect(enableSourceAutoRedemptionHandler(inSource, emulator.context())).resolves.toEqual({
      changed: false,
      previousValue: true,
    });
    expect(await consent(TENANT_A_ID, TENANT_B_ID)).toMatchObject({ outboundAllowed: true });
  });

  it("keeps the other direction's value", async () => {
    await ensureTargetPartnerHandler(inTarget, emulator.context());
    await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, {
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
    });
    await expect(enableTargetAutoRedemptionHandler(inTarget, emulator.context())).resolves.toEqual({
      changed: true,
      previousValue: false,
    });
    expect(await consent(TENANT_B_ID, TENANT_A_ID)).toEqual({ inboundAllowed: true, outboundAllowed: true });
  });

  it("fails as transient without a partner", async () => {
    const error = await expectedError(enableTargetAutoRedemptionHandler(inTarget, emulator.context()));
    expect(parseGraphErrorText(error.message)?.kind).toBe("transient");
    expect(parseGraphErrorText(error.message)?.code).toBe("Request_ResourceNotFound");
  });
});
