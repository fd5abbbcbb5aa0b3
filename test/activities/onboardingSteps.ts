import { setTimeout } from "node:timers/promises";

import { TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import { allowInboundSyncHandler } from "../../src/activities/allowInboundSync";
import { createSyncApplicationHandler } from "../../src/activities/createSyncApplication";
import { enableSourceAutoRedemptionHandler } from "../../src/activities/enableSourceAutoRedemption";
import { enableTargetAutoRedemptionHandler } from "../../src/activities/enableTargetAutoRedemption";
import { ensureSourcePartnerHandler } from "../../src/activities/ensureSourcePartner";
import { ensureTargetPartnerHandler } from "../../src/activities/ensureTargetPartner";
import { readServicePrincipalHandler } from "../../src/activities/readServicePrincipal";
import type { SyncApplication } from "../../src/shared/onboardingContracts";
import type { EmulatorHarness } from "./emulatorHarness";

export const PAIR = { sourceTenantId: TENANT_A_ID, targetTenantId: TENANT_B_ID };
export const CONFIGURATION_NAME = "Guest sync to Tenant B";

/** Runs the policy steps in both tenants, as the orchestrator does before the sync application. */
export async function preparePolicies(emulator: EmulatorHarness): Promise<void> {
  const inTarget = { tenantId: TENANT_B_ID, partnerTenantId: TENANT_A_ID };
  const inSource = { tenantId: TENANT_A_ID, partnerTenantId: TENANT_B_ID };
  await ensureTargetPartnerHandler(inTarget, emulator.context());
  await allowInboundSyncHandler({ ...PAIR, displayName: CONFIGURATION_NAME }, emulator.context());
  await enableTargetAutoRedemptionHandler(inTarget, emulator.context());
  await ensureSourcePartnerHandler(inSource, emulator.context());
  await enableSourceAutoRedemptionHandler(inSource, emulator.context());
}

/** Polls the readiness step the way the orchestrator's durable timer would, for at most `timeoutMs`. */
export async function waitUntilReady(emulator: EmulatorHarness, servicePrincipalId: string, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = { sourceTenantId: TENANT_A_ID, servicePrincipalId };
    const output = await readServicePrincipalHandler(probe, emulator.context());
    if (output.ready || Date.now() > deadline) {
      return output;
    }
    await setTimeout(25);
  }
}

export interface ReadyApplication extends SyncApplication {
  appRoleId: string;
}

/** Creates the sync application and waits until its service principal is readable. */
export async function prepareApplication(emulator: EmulatorHarness): Promise<ReadyApplication> {
  const application = await createSyncApplicationHandler(
    { ...PAIR, configurationName: CONFIGURATION_NAME },
    emulator.context(),
  );
  const readiness = await waitUntilReady(emulator, application.servicePrincipalId);
  if (!readiness.appRoleId) {
    throw new Error("The service principal did not become ready.");
  }
  return { ...application, appRoleId: readiness.appRoleId };
}
