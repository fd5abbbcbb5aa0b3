import { markOnboardingStarted } from "../registry/onboardingRecords";
import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import type { RecordOnboardingStartedInput, RegistryWriteOutput } from "../shared/registryContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { withRegistryFailures } from "./support/registryFailure";

/** Marks the pair `onboarding` in the registry before the first Graph write, creating its record if needed. */
export const recordOnboardingStartedHandler = defineActivity<RecordOnboardingStartedInput, RegistryWriteOutput>(
  ActivityNames.recordOnboardingStarted,
  (input) => withRegistryFailures(() => markOnboardingStarted(getTenantPairRegistry(), input, new Date())),
  (input) => ({
    instanceId: input.instanceId,
    sourceTenantId: input.source.tenantId,
    targetTenantId: input.target.tenantId,
  }),
);

registerActivity(ActivityNames.recordOnboardingStarted, recordOnboardingStartedHandler);
