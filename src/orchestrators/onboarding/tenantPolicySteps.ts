import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { ResolveTenantsOutput } from "../../shared/onboardingContracts";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { TenantPairSnapshot } from "../../shared/tenantPairSnapshot";
import type { ObjectLedger } from "./objectRecords";
import { describeRecords } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";
import {
  inboundSyncRecord,
  sourcePartnerRecord,
  sourceRedemptionRecord,
  targetPartnerRecord,
  targetRedemptionRecord,
} from "./snapshotRecords";

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
 * Steps 3 to 7: partner configurations, inbound sync and automatic redemption in the target, then partner
 * configuration and automatic redemption in the source. The records come from `before`, the pair's state before the
 * run, because a step that runs again after a crash reports its own earlier write as adopted.
 */
export function* configureTenantPolicies(
  run: OnboardingRun,
  request: OnboardingRequest,
  configurationName: string,
  ledger: ObjectLedger,
  before: TenantPairSnapshot,
): Generator<df.Task, void, unknown> {
  const { sourceTenantId, targetTenantId } = request;
  const inTarget = { tenantId: targetTenantId, partnerTenantId: sourceTenantId };
  const inSource = { tenantId: sourceTenantId, partnerTenantId: targetTenantId };

  const targetPartnerOutcome = yield* run.call("ensureTargetPartner", ActivityNames.ensureTargetPartner, inTarget);
  const targetPartner = targetPartnerRecord(before, sourceTenantId, targetPartnerOutcome);
  ledger.target.push(targetPartner);
  run.succeed("ensureTargetPartner", describeRecords([targetPartner]));

  yield* run.call("allowInboundSync", ActivityNames.allowInboundSync, {
    sourceTenantId,
    targetTenantId,
    displayName: configurationName,
  });
  const inboundSync = inboundSyncRecord(before, sourceTenantId);
  ledger.target.push(inboundSync);
  run.succeed("allowInboundSync", describeRecords([inboundSync]));

  yield* run.call("enableTargetAutoRedemption", ActivityNames.enableTargetAutoRedemption, inTarget);
  const targetRedemption = targetRedemptionRecord(before, sourceTenantId);
  ledger.target.push(targetRedemption);
  run.succeed("enableTargetAutoRedemption", describeRecords([targetRedemption]));

  const sourcePartnerOutcome = yield* run.call("ensureSourcePartner", ActivityNames.ensureSourcePartner, inSource);
  const sourcePartner = sourcePartnerRecord(before, targetTenantId, sourcePartnerOutcome);
  ledger.source.push(sourcePartner);
  run.succeed("ensureSourcePartner", describeRecords([sourcePartner]));

  yield* run.call("enableSourceAutoRedemption", ActivityNames.enableSourceAutoRedemption, inSource);
  const sourceRedemption = sourceRedemptionRecord(before, targetTenantId);
  ledger.source.push(sourceRedemption);
  run.succeed("enableSourceAutoRedemption", describeRecords([sourceRedemption]));
}
