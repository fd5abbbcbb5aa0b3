import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { ObjectOutcome, PartnerStepInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { ensurePartner } from "./support/ensurePartner";

/** Creates or adopts the target tenant's partner configuration for the source tenant. */
export const ensureTargetPartnerHandler = defineActivity<PartnerStepInput, ObjectOutcome>(
  ActivityNames.ensureTargetPartner,
  (input, log) => ensurePartner(createGraphClient(input.tenantId), input.partnerTenantId, log),
  (input) => ({ tenantId: input.tenantId, partnerTenantId: input.partnerTenantId }),
);

registerActivity(ActivityNames.ensureTargetPartner, ensureTargetPartnerHandler);
