import { markOnboardingFailed } from "../registry/onboardingRecords";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import type { RecordOnboardingFailedInput, RegistryWriteOutput } from "../shared/registryContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { withRegistryFailures } from "./support/registryFailure";

/**
 * Marks the pair `failed` in the registry with the objects the run left in place. A lost record is created again when
 * the input names the registered pair; otherwise a pair without a record is left alone.
 */
export const recordOnboardingFailedHandler = defineActivity<RecordOnboardingFailedInput, RegistryWriteOutput>(
  ActivityNames.recordOnboardingFailed,
  (input) => withRegistryFailures(() => markOnboardingFailed(getTenantPairRegistry(), input, new Date())),
  (input) => ({
    instanceId: input.instanceId,
    sourceTenantId: input.sourceTenantId,
    targetTenantId: input.targetTenantId,
  }),
);

registerActivity(ActivityNames.recordOnboardingFailed, recordOnboardingFailedHandler);
