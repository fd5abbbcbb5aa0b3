import { expect } from "vitest";

import { CROSS_TENANT_SYNC_TEMPLATE_ID, TENANT_A_ID, TENANT_B_DOMAIN, TENANT_B_ID } from "../../emulator/fixture";
import { dumpTenant } from "../integration/fullStack";

/** Aliases that the sync gives to B2B users in the target, e.g. `adele_contoso.com#ext#@target.com`. */
function b2bAlias(userPrincipalName: string): string {
  return `${userPrincipalName.replace("@", "_")}#EXT#@${TENANT_B_DOMAIN}`.toLowerCase();
}

/**
 * Checks that the pair A → B contains each onboarding object exactly once: a partner configuration in each tenant,
 * one sync application with one service principal and one job, one assignment per scoped group, and one B2B user in
 * the target per enabled member of those groups. `label` names the run in failure messages.
 */
export async function expectOnboardedOnce(
  emulatorUrl: string,
  scopeGroupIds: readonly string[],
  label: string,
): Promise<void> {
  const source = await dumpTenant(emulatorUrl, TENANT_A_ID);
  const target = await dumpTenant(emulatorUrl, TENANT_B_ID);

  expect(
    target.partners.map((partner) => partner.tenantId),
    `${label}: target partners`,
  ).toEqual([TENANT_A_ID]);
  expect(
    source.partners.map((partner) => partner.tenantId),
    `${label}: source partners`,
  ).toEqual([TENANT_B_ID]);
  const targetPartner = target.partners[0];
  expect(targetPartner?.identitySynchronization?.userSyncInbound.isSyncAllowed, `${label}: inbound sync`).toBe(true);
  expect(targetPartner?.automaticUserConsentSettings?.inboundAllowed, `${label}: inbound redemption`).toBe(true);
  expect(source.partners[0]?.automaticUserConsentSettings?.outboundAllowed, `${label}: outbound redemption`).toBe(true);

  const syncApps = source.applications.filter((app) => app.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID);
  expect(syncApps, `${label}: sync applications`).toHaveLength(1);
  const servicePrincipals = source.servicePrincipals.filter((sp) => sp.appId === syncApps[0]?.appId);
  expect(servicePrincipals, `${label}: sync service principals`).toHaveLength(1);
  const jobs = servicePrincipals[0]?.synchronization.jobs ?? [];
  expect(jobs, `${label}: sync jobs`).toHaveLength(1);
  expect(jobs[0]?.schedule.state, `${label}: job schedule`).toBe("Active");
  const assigned = (servicePrincipals[0]?.appRoleAssignedTo ?? []).map((assignment) => assignment.principalId).sort();
  expect(assigned, `${label}: app role assignments`).toEqual([...scopeGroupIds].sort());

  const scopedMembers = new Set(
    source.groups.filter((group) => scopeGroupIds.includes(group.id)).flatMap((group) => group.members),
  );
  const expectedAliases = source.users
    .filter((user) => scopedMembers.has(user.id) && user.accountEnabled)
    .map((user) => b2bAlias(user.userPrincipalName))
    .sort();
  const syncedAliases = target.users
    .filter((user) => user.userPrincipalName.includes("#EXT#"))
    .map((user) => user.userPrincipalName.toLowerCase())
    .sort();
  expect(expectedAliases.length, `${label}: enabled members in scope`).toBeGreaterThan(0);
  expect(syncedAliases, `${label}: B2B users in the target`).toEqual(expectedAliases);
}
