import type { GraphApi } from "../graph/graphApi";
import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { getPartner, updatePartner } from "../graph/partners";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput, ConsentFlag, RestorePartnerFlagInput } from "../shared/onboardingContracts";
import type { ActivityLog } from "../telemetry/activityLog";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

const OTHER_FLAG: Record<ConsentFlag, ConsentFlag> = {
  inboundAllowed: "outboundAllowed",
  outboundAllowed: "inboundAllowed",
};

async function restoreFlag(
  api: GraphApi,
  input: RestorePartnerFlagInput,
  log: ActivityLog,
): Promise<CompensationOutput> {
  const properties = {
    tenantId: input.tenantId,
    partnerTenantId: input.partnerTenantId,
    flag: `automaticUserConsentSettings.${input.flag}`,
  };
  const partner = await getPartner(api, input.partnerTenantId);
  const current = partner.automaticUserConsentSettings?.[input.flag];
  if ((typeof current === "boolean" ? current : null) === input.previousValue) {
    log.event(LogEvents.policyFlagAlreadySet, { ...properties, value: String(input.previousValue) });
    return { alreadyUndone: true };
  }
  // As in the forward step, the other direction is sent with its current value so that the change cannot reset it.
  const other = partner.automaticUserConsentSettings?.[OTHER_FLAG[input.flag]];
  const settings: Record<string, boolean | null> = { [input.flag]: input.previousValue };
  if (typeof other === "boolean") {
    settings[OTHER_FLAG[input.flag]] = other;
  }
  await updatePartner(api, input.partnerTenantId, { automaticUserConsentSettings: settings });
  log.event(LogEvents.policyFlagRestored, { ...properties, value: String(input.previousValue) });
  return { alreadyUndone: false };
}

/**
 * Writes `automaticUserConsentSettings.<flag>` of a partner configuration back to the value it had before onboarding
 * changed it; null makes it inherit the default again. A missing partner (404) counts as restored.
 */
export const restorePartnerFlagHandler = defineActivity<RestorePartnerFlagInput, CompensationOutput>(
  ActivityNames.restorePartnerFlag,
  async (input, log) => {
    try {
      return await restoreFlag(createGraphClient(input.tenantId), input, log);
    } catch (error) {
      if (!isGraphRequestError(error) || error.kind !== "notFound") {
        throw error;
      }
      const partner = {
        objectType: "crossTenantAccessPartner",
        tenantId: input.tenantId,
        partnerTenantId: input.partnerTenantId,
      };
      log.event(LogEvents.objectAlreadyGone, partner);
      return { alreadyUndone: true };
    }
  },
  (input) => ({
    tenantId: input.tenantId,
    partnerTenantId: input.partnerTenantId,
    flag: input.flag,
    previousValue: String(input.previousValue),
  }),
);

registerActivity(ActivityNames.restorePartnerFlag, restorePartnerFlagHandler);
