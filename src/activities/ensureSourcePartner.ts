import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { ObjectOutcome, PartnerStepInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { ensurePartner } from "./support/ensurePartner";

/** Creates or adopts the source tenant's partner configuration for the target tenant. */
export const ensureSourcePartnerHandler = defineActivity<PartnerStepInput, ObjectOutcome>(
  ActivityNames.ensureSourcePartner,
  (input, log) => ensurePartner(createGraphClient(input.tenantId), input.partnerTenantId, log),
  (input) => ({ tenantId: input.tenantId, partnerTenantId: input.partnerTenantId }),
);

registerActivity(ActivityNames.ensureSourcePartner, ensureSourcePartnerHandler);
