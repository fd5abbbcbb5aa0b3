import { markOnboardingFailed } from "../registry/onboardingRecords";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import type { RecordOnboardingFailedInput, RegistryWriteOutput } from "../shared/registryContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Marks the pair `failed` in the registry; a pair without a record is left alone. */
export const recordOnboardingFailedHandler = defineActivity<RecordOnboardingFailedInput, RegistryWriteOutput>(
  ActivityNames.recordOnboardingFailed,
  (input) => markOnboardingFailed(getTenantPairRegistry(), input),
  (input) => ({ instanceId: input.instanceId, sourceTenantId: input.sourceTenantId, targetTenantId: input.targetTenantId }),
);

registerActivity(ActivityNames.recordOnboardingFailed, recordOnboardingFailedHandler);
