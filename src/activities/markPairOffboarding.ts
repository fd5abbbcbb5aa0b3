import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import { createOffboardingRegistryHandlers } from "./support/offboardingRegistry";
import { registerActivity } from "./support/defineActivity";

export const markPairOffboardingHandler = createOffboardingRegistryHandlers({
  getRegistry: getTenantPairRegistry,
  now: () => new Date(),
}).markPairOffboarding;

registerActivity(ActivityNames.markPairOffboarding, markPairOffboardingHandler);
