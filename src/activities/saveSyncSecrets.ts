import { createGraphClient } from "../graph/graphClient";
import { whileReplicating } from "../graph/replication";
import { putSecrets } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { SaveSyncSecretsInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Notification e-mails and the delete threshold stay off; onboarding sets no address to send them to. */
const NOTIFICATION_SETTINGS = JSON.stringify({ Enabled: false, DeleteThresholdEnabled: false });

/**
 * Saves the sync job's connection settings on the service principal: the target tenant as `CompanyId`, the
 * `SyncPolicy` authentication type, and `SyncAll=false` so that only assigned users and groups are in scope. The PUT
 * replaces all of them, so a re-run writes the same values.
 */
export const saveSyncSecretsHandler = defineActivity<SaveSyncSecretsInput, null>(
  ActivityNames.saveSyncSecrets,
  async (input) => {
    const secrets = [
      { key: "AuthenticationType", value: "SyncPolicy" },
      { key: "CompanyId", value: input.targetTenantId },
      { key: "SyncNotificationSettings", value: NOTIFICATION_SETTINGS },
      { key: "SyncAll", value: "false" },
    ];
    await whileReplicating(putSecrets(createGraphClient(input.sourceTenantId), input.servicePrincipalId, secrets));
    return null;
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    targetTenantId: input.targetTenantId,
    servicePrincipalId: input.servicePrincipalId,
  }),
);

registerActivity(ActivityNames.saveSyncSecrets, saveSyncSecretsHandler);
