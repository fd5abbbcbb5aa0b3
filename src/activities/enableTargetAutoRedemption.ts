import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { FlagOutcome, PartnerStepInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { enableAutoRedemption } from "./support/enableAutoRedemption";

/** Lets the target redeem invitations from the source automatically (`automaticUserConsentSettings.inboundAllowed`). */
export const enableTargetAutoRedemptionHandler = defineActivity<PartnerStepInput, FlagOutcome>(
  ActivityNames.enableTargetAutoRedemption,
  (input, log) => enableAutoRedemption(createGraphClient(input.tenantId), input.partnerTenantId, "inboundAllowed", log),
  (input) => ({ tenantId: input.tenantId, partnerTenantId: input.partnerTenantId }),
);

registerActivity(ActivityNames.enableTargetAutoRedemption, enableTargetAutoRedemptionHandler);
