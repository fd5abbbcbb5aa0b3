import "./testEnvironment";

import { describe, expect, it } from "vitest";

import { TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import { allowInboundSyncHandler } from "../../src/activities/allowInboundSync";
import { deletePartnerHandler } from "../../src/activities/deletePartner";
import { enableTargetAutoRedemptionHandler } from "../../src/activities/enableTargetAutoRedemption";
import { ensureTargetPartnerHandler } from "../../src/activities/ensureTargetPartner";
import { removeIdentitySynchronizationHandler } from "../../src/activities/removeIdentitySynchronization";
import { restoreInboundSyncHandler } from "../../src/activities/restoreInboundSync";
import { restorePartnerFlagHandler } from "../../src/activities/restorePartnerFlag";
import { parseGraphErrorText } from "../../src/graph/graphErrorText";
import { collection, type EmulatorHarness, expectedError, type Json } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";

let emulator: EmulatorHarness;

const PAIR = { sourceTenantId: TENANT_A_ID, targetTenantId: TENANT_B_ID };
const IN_TARGET = { tenantId: TENANT_B_ID, partnerTenantId: TENANT_A_ID };
const ADMIN_PARTNER = `/_emulator/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`;

async function targetPartner(): Promise<Json | undefined> {
  const partners = collection(await emulator.dump(TENANT_B_ID), "partners");
  return partners.find((candidate) => candidate["tenantId"] === TENANT_A_ID);
}

useEmulatorPerFile((started) => {
  emulator = started;
});

describe("deletePartner", () => {
  it("deletes, then tolerates the 404", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await expect(deletePartnerHandler(IN_TARGET, emulator.context())).resolves.toEqual({ alreadyUndone: false });
    expect(await targetPartner()).toBeUndefined();
    await expect(deletePartnerHandler(IN_TARGET, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });

  it("fails while an identity synchronization policy remains", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await allowInboundSyncHandler({ ...PAIR, displayName: "Sync from Tenant A" }, emulator.context());
    const error = await expectedError(deletePartnerHandler(IN_TARGET, emulator.context()));
    expect(parseGraphErrorText(error.message)?.kind).toBe("invalid");
    expect(await targetPartner()).toBeDefined();
  });

  it("fails on a persistent server error", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await emulator.fault({ method: "DELETE", path: "/partners/", status: 403, code: "Authorization_RequestDenied" });
    const error = await expectedError(deletePartnerHandler(IN_TARGET, emulator.context()));
    expect(parseGraphErrorText(error.message)?.code).toBe("Authorization_RequestDenied");
  });
});

describe("removeIdentitySynchronization", () => {
  it("deletes the policy, then tolerates the 404", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await allowInboundSyncHandler({ ...PAIR, displayName: "Sync from Tenant A" }, emulator.context());
    await expect(removeIdentitySynchronizationHandler(PAIR, emulator.context())).resolves.toEqual({
      alreadyUndone: false,
    });
    expect((await targetPartner())?.["identitySynchronization"]).toBeNull();
    await expect(removeIdentitySynchronizationHandler(PAIR, emulator.context())).resolves.toEqual({
      alreadyUndone: true,
    });
  });

  it("tolerates a missing partner", async () => {
    await expect(removeIdentitySynchronizationHandler(PAIR, emulator.context())).resolves.toEqual({
      alreadyUndone: true,
    });
  });
});

describe("restoreInboundSync", () => {
  it("writes the earlier value back and keeps the policy", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await allowInboundSyncHandler({ ...PAIR, displayName: "Sync from Tenant A" }, emulator.context());
    const input = { ...PAIR, previousIsSyncAllowed: false };
    await expect(restoreInboundSyncHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: false });
    const policy = (await targetPartner())?.["identitySynchronization"] as Json;
    expect(policy["userSyncInbound"]).toEqual({ isSyncAllowed: false });
    expect(policy["displayName"]).toBe("Sync from Tenant A");
    await expect(restoreInboundSyncHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });

  it("writes false for a policy that had no value", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await allowInboundSyncHandler({ ...PAIR, displayName: "Sync from Tenant A" }, emulator.context());
    await restoreInboundSyncHandler({ ...PAIR, previousIsSyncAllowed: null }, emulator.context());
    const policy = (await targetPartner())?.["identitySynchronization"] as Json;
    expect(policy["userSyncInbound"]).toEqual({ isSyncAllowed: false });
  });

  it("tolerates a missing policy", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    const input = { ...PAIR, previousIsSyncAllowed: false };
    await expect(restoreInboundSyncHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });
});

describe("restorePartnerFlag", () => {
  it("sets a flag back to inherited (null)", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await enableTargetAutoRedemptionHandler(IN_TARGET, emulator.context());
    const input = { ...IN_TARGET, flag: "inboundAllowed" as const, previousValue: null };
    await expect(restorePartnerFlagHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: false });
    const settings = (await targetPartner())?.["automaticUserConsentSettings"] as Json | null;
    expect(settings?.["inboundAllowed"] ?? null).toBeNull();
    await expect(restorePartnerFlagHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });

  it("restores false and keeps the other direction", async () => {
    await ensureTargetPartnerHandler(IN_TARGET, emulator.context());
    await emulator.admin("PATCH", ADMIN_PARTNER, {
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: true },
    });
    await enableTargetAutoRedemptionHandler(IN_TARGET, emulator.context());
    const input = { ...IN_TARGET, flag: "inboundAllowed" as const, previousValue: false };
    await restorePartnerFlagHandler(input, emulator.context());
    expect((await targetPartner())?.["automaticUserConsentSettings"]).toEqual({
      inboundAllowed: false,
      outboundAllowed: true,
    });
  });

  it("tolerates a missing partner", async () => {
    const input = { ...IN_TARGET, flag: "inboundAllowed" as const, previousValue: null };
    await expect(restorePartnerFlagHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });
});
