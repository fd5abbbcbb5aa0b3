import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { whileReplicating } from "../graph/replication";
import { validateCredentials } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { ValidateSyncCredentialsInput, ValidateSyncCredentialsOutput } from "../shared/onboardingContracts";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Codes Graph gives while the target's inbound sync or automatic redemption is missing or not yet propagated. */
export const POLICY_CHECK_FAILURE_CODES: ReadonlySet<string> = new Set([
  "AzureDirectoryB2BManagementPolicyCheckFailure",
  "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure",
]);

/**
 * Tests the sync credentials (the target's tenant id with the `SyncPolicy` authentication type) once. A policy-check
 * failure is returned as `{valid: false}` for the orchestrator to retry after a durable wait; other errors are thrown.
 */
export const validateSyncCredentialsHandler = defineActivity<
  ValidateSyncCredentialsInput,
  ValidateSyncCredentialsOutput
>(
  ActivityNames.validateSyncCredentials,
  async (input, log) => {
    try {
      const credentials = [
        { key: "CompanyId", value: input.targetTenantId },
        { key: "AuthenticationType", value: "SyncPolicy" },
      ];
      const api = createGraphClient(input.sourceTenantId);
      await whileReplicating(validateCredentials(api, input.servicePrincipalId, credentials));
      return { valid: true };
    } catch (error) {
      if (isGraphRequestError(error) && POLICY_CHECK_FAILURE_CODES.has(error.code)) {
        log.event(LogEvents.syncCredentialsRejected, { graphCode: error.code, requestId: error.requestId });
        return { valid: false, code: error.code, message: error.graphMessage };
      }
      throw error;
    }
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    targetTenantId: input.targetTenantId,
    servicePrincipalId: input.servicePrincipalId,
  }),
);

registerActivity(ActivityNames.validateSyncCredentials, validateSyncCredentialsHandler);
