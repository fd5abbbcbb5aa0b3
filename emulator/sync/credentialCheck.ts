import type { EmulatorState } from "../state/emulatorState";
import type { CredentialEntry } from "../state/model";
import { credentialValue } from "./credentials";
import { checkSyncPolicies, type PolicyCheckResult } from "./policyCheck";

/** NOTE: Graph does not document the code for missing or expired sync credentials; this one is assumed. */
export const INVALID_CREDENTIALS = "InvalidCredentials";

/**
 * Checks cross-tenant sync credentials the way the sync service uses them: `AuthenticationType` must be
 * `SyncPolicy` and `CompanyId` names the target tenant, whose policies must then allow the sync.
 */
export function checkSyncCredentials(
  state: EmulatorState,
  sourceTenantId: string,
  credentials: readonly CredentialEntry[],
  expired: boolean,
): PolicyCheckResult {
  if (expired) {
    return { ok: false, code: INVALID_CREDENTIALS, message: "The saved credentials have expired. Save them again." };
  }
  const authenticationType = credentialValue(credentials, "AuthenticationType");
  if (authenticationType !== "SyncPolicy") {
    return {
      ok: false,
      code: INVALID_CREDENTIALS,
      message: `Credential 'AuthenticationType' must be 'SyncPolicy' but is '${authenticationType ?? "missing"}'.`,
    };
  }
  const companyId = credentialValue(credentials, "CompanyId");
  if (companyId === undefined || companyId === "") {
    const message = "Credential 'CompanyId' (the target tenant id) is missing.";
    return { ok: false, code: INVALID_CREDENTIALS, message };
  }
  return checkSyncPolicies(state, sourceTenantId, companyId);
}
