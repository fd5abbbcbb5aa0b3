import type { EmulatorState } from "../state/emulatorState";
import { isConsentPropagated, isInboundSyncPropagated } from "../state/partnerPolicy";

export const INBOUND_SYNC_CHECK_FAILURE = "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure";
export const AUTO_REDEMPTION_CHECK_FAILURE = "AzureDirectoryB2BManagementPolicyCheckFailure";

export type PolicyCheckResult = { ok: true } | { ok: false; code: string; message: string };

/**
 * Checks, as the sync service does before provisioning, that the target allows inbound sync from the source, and
 * that auto-redemption is allowed inbound in the target and outbound in the source. A flag counts only once it has
 * been on for `policyPropagationDelayMs`. Switching a flag off takes effect at once.
 */
export function checkSyncPolicies(
  state: EmulatorState,
  sourceTenantId: string,
  targetTenantId: string,
): PolicyCheckResult {
  const now = state.now();
  const delay = state.settings.policyPropagationDelayMs;
  const target = state.tenants.get(targetTenantId.toLowerCase());
  const source = state.tenants.get(sourceTenantId.toLowerCase());
  const targetPartner = target?.partners.get(sourceTenantId.toLowerCase());
  const sourcePartner = source?.partners.get(targetTenantId.toLowerCase());
  if (!isInboundSyncPropagated(targetPartner, now, delay)) {
    return {
      ok: false,
      code: INBOUND_SYNC_CHECK_FAILURE,
      message:
        `The target tenant '${targetTenantId}' does not allow users to be synchronized from tenant ` +
        `'${sourceTenantId}'. Allow inbound user sync in the target's cross-tenant access settings for this ` +
        "organization, then wait for the policy to propagate.",
    };
  }
  if (!isConsentPropagated(targetPartner, "inboundAllowed", now, delay)) {
    return {
      ok: false,
      code: AUTO_REDEMPTION_CHECK_FAILURE,
      message:
        `The target tenant '${targetTenantId}' does not automatically redeem invitations from tenant ` +
        `'${sourceTenantId}'. Turn on inbound automatic redemption in the target, ` +
        "then wait for the policy to propagate.",
    };
  }
  if (!isConsentPropagated(sourcePartner, "outboundAllowed", now, delay)) {
    return {
      ok: false,
      code: AUTO_REDEMPTION_CHECK_FAILURE,
      message:
        `The source tenant '${sourceTenantId}' does not automatically redeem invitations to tenant ` +
        `'${targetTenantId}'. Turn on outbound automatic redemption in the source, ` +
        "then wait for the policy to propagate.",
    };
  }
  return { ok: true };
}
