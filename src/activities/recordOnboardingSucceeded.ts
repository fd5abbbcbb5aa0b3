import { markOnboardingSucceeded } from "../registry/onboardingRecords";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import type { RecordOnboardingSucceededInput, RegistryWriteOutput } from "../shared/registryContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { withRegistryFailures } from "./support/registryFailure";

/** Marks the pair `active` in the registry with the ids and objects of the completed onboarding, creating a lost record. */
export const recordOnboardingSucceededHandler = defineActivity<RecordOnboardingSucceededInput, RegistryWriteOutput>(
  ActivityNames.recordOnboardingSucceeded,
  (input) => withRegistryFailures(() => markOnboardingSucceeded(getTenantPairRegistry(), input, new Date())),
  (input) => ({
    instanceId: input.instanceId,
    sourceTenantId: input.result.source.tenantId,
    targetTenantId: input.result.target.tenantId,
  }),
);

registerActivity(ActivityNames.recordOnboardingSucceeded, recordOnboardingSucceededHandler);
