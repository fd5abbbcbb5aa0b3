import { getTenantPairRegistry } from "../registry/tenantPairRegistry";
import { ActivityNames } from "../shared/activityNames";
import { createOffboardingRegistryHandlers } from "./support/offboardingRegistry";
import { registerActivity } from "./support/defineActivity";

export const markPairOffboardedHandler = createOffboardingRegistryHandlers({
  getRegistry: getTenantPairRegistry,
  now: () => new Date(),
}).markPairOffboarded;

registerActivity(ActivityNames.markPairOffboarded, markPairOffboardedHandler);
