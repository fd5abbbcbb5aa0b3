import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { FlagOutcome, PartnerStepInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { enableAutoRedemption } from "./support/enableAutoRedemption";

/** Suppresses the consent prompt for users going to the target (`automaticUserConsentSettings.outboundAllowed`). */
export const enableSourceAutoRedemptionHandler = defineActivity<PartnerStepInput, FlagOutcome>(
  ActivityNames.enableSourceAutoRedemption,
  (input, log) =>
    enableAutoRedemption(createGraphClient(input.tenantId), input.partnerTenantId, "outboundAllowed", log),
  (input) => ({ tenantId: input.tenantId, partnerTenantId: input.partnerTenantId }),
);

registerActivity(ActivityNames.enableSourceAutoRedemption, enableSourceAutoRedemptionHandler);
