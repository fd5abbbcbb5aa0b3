import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { ResolveTenantsOutput } from "../../shared/onboardingContracts";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { ObjectLedger } from "./objectRecords";
import { describeRecords, identitySynchronizationRecord, partnerRecord, policyFlagRecord } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";

/**
 * Step 1: looks both tenants up again and checks that they are the tenants the starter resolved, and two different
 * ones. The starter already resolved them, but a tenant can disappear between the request and the run.
 */
export function* resolveTenants(
  run: OnboardingRun,
  request: OnboardingRequest,
): Generator<df.Task, ResolveTenantsOutput, unknown> {
  const step = "resolveTenants";
  const tenants = yield* run.call(step, ActivityNames.resolveTenants, {
    source: request.sourceTenantId,
    target: request.targetTenantId,
  });
  const sourceId = tenants.source.tenantId.toLowerCase();
  const targetId = tenants.target.tenantId.toLowerCase();
  if (sourceId !== request.sourceTenantId.toLowerCase() || targetId !== request.targetTenantId.toLowerCase()) {
    throw run.fail(step, {
      message:
        `Tenant lookup returned ${sourceId} and ${targetId}, but the request was resolved to ` +
        `${request.sourceTenantId} and ${request.targetTenantId}. Send the request again.`,
    });
  }
  if (sourceId === targetId) {
    throw run.fail(step, { message: `Source and target are the same tenant (${sourceId}).` });
  }
  run.succeed(step, `source ${tenants.source.defaultDomainName}, target ${tenants.target.defaultDomainName}`);
  return tenants;
}

/**
 * Steps 2 to 6: partner configurations, inbound sync and automatic redemption in the target, then partner
 * configuration and automatic redemption in the source.
 */
export function* configureTenantPolicies(
  run: OnboardingRun,
  request: OnboardingRequest,
  configurationName: string,
  ledger: ObjectLedger,
): Generator<df.Task, void, unknown> {
  const { sourceTenantId, targetTenantId } = request;
  const inTarget = { tenantId: targetTenantId, partnerTenantId: sourceTenantId };
  const inSource = { tenantId: sourceTenantId, partnerTenantId: targetTenantId };

  const targetPartner = partnerRecord(sourceTenantId, yield* run.call("ensureTargetPartner", ActivityNames.ensureTargetPartner, inTarget));
  ledger.target.push(targetPartner);
  run.succeed("ensureTargetPartner", describeRecords([targetPartner]));

  const inboundSync = identitySynchronizationRecord(
    sourceTenantId,
    yield* run.call("allowInboundSync", ActivityNames.allowInboundSync, {
      sourceTenantId,
      targetTenantId,
      displayName: configurationName,
    }),
  );
  ledger.target.push(inboundSync);
  run.succeed("allowInboundSync", describeRecords([inboundSync]));

  const targetRedemption = policyFlagRecord(
    sourceTenantId,
    "automaticUserConsentSettings.inboundAllowed",
    yield* run.call("enableTargetAutoRedemption", ActivityNames.enableTargetAutoRedemption, inTarget),
  );
  ledger.target.push(targetRedemption);
  run.succeed("enableTargetAutoRedemption", describeRecords([targetRedemption]));

  const sourcePartner = partnerRecord(targetTenantId, yield* run.call("ensureSourcePartner", ActivityNames.ensureSourcePartner, inSource));
  ledger.source.push(sourcePartner);
  run.succeed("ensureSourcePartner", describeRecords([sourcePartner]));

  const sourceRedemption = policyFlagRecord(
    targetTenantId,
    "automaticUserConsentSettings.outboundAllowed",
    yield* run.call("enableSourceAutoRedemption", ActivityNames.enableSourceAutoRedemption, inSource),
  );
  ledger.source.push(sourceRedemption);
  run.succeed("enableSourceAutoRedemption", describeRecords([sourceRedemption]));
}
