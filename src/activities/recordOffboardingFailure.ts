import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import { createOffboardingRegistryHandlers } from "./support/offboardingRegistry";
import { registerActivity } from "./support/defineActivity";

export const recordOffboardingFailureHandler = createOffboardingRegistryHandlers({
  getRegistry: getTenantPairRegistry,
  now: () => new Date(),
}).recordOffboardingFailure;

registerActivity(ActivityNames.recordOffboardingFailure, recordOffboardingFailureHandler);
