import { markOnboardingSucceeded } from "../registry/onboardingRecords";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import type { RecordOnboardingSucceededInput, RegistryWriteOutput } from "../shared/registryContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";

/** Marks the pair `active` in the registry with the ids and objects of the completed onboarding. */
export const recordOnboardingSucceededHandler = defineActivity<RecordOnboardingSucceededInput, RegistryWriteOutput>(
  ActivityNames.recordOnboardingSucceeded,
  (input) => markOnboardingSucceeded(getTenantPairRegistry(), input),
  (input) => ({
    instanceId: input.instanceId,
    sourceTenantId: input.result.source.tenantId,
    targetTenantId: input.result.target.tenantId,
  }),
);

registerActivity(ActivityNames.recordOnboardingSucceeded, recordOnboardingSucceededHandler);
