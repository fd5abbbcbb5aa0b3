import type * as df from "durable-functions";

import type { HealthFinding, RemediationRecord } from "../../registry/tenantPairRecord";
import { ActivityNames, type ActivityName } from "../../shared/activityNames";
import type { HealthCheckTarget, TenantPairFacts } from "../../shared/healthContracts";
import { activityErrorText } from "../onboarding/activityFailure";
import { HealthRules } from "./judgeTenantPair";

/** Stable ids of the remediation actions, as `RemediationRecord.action` carries them. */
export const RemediationActions = {
  reapplyInboundSync: "reapplyInboundSync",
  reapplyTargetAutoRedemption: "reapplyTargetAutoRedemption",
  reapplySourceAutoRedemption: "reapplySourceAutoRedemption",
  restartQuarantinedJob: "restartQuarantinedJob",
} as const;

const POLICY_DRIFT_RULES: ReadonlySet<string> = new Set([
  HealthRules.inboundSyncDrift,
  HealthRules.targetAutoRedemptionDrift,
  HealthRules.sourceAutoRedemptionDrift,
]);

interface ActivityStep {
  name: ActivityName;
  input: unknown;
}

/** Runs activities in order and records one remediation; a failed activity ends the action as failed. */
function* runAction(
  context: df.OrchestrationContext,
  action: string,
  steps: ActivityStep[],
  detail: string,
): Generator<df.Task, RemediationRecord, unknown> {
  try {
    for (const step of steps) {
      yield context.df.callActivity(step.name, step.input);
    }
    return { action, at: context.df.currentUtcDateTime.toISOString(), outcome: "succeeded", detail };
  } catch (error) {
    const at = context.df.currentUtcDateTime.toISOString();
    return { action, at, outcome: "failed", detail: `${detail} failed: ${activityErrorText(error)}` };
  }
}

/**
 * Fixes what a health check found, where a fix is safe: re-applies drifted policy flags (re-creating a deleted
 * partner configuration or policy first), and restarts a quarantined job once its cause is gone, i.e. no policy flag
 * drifted and the saved credentials validated. A job whose cause remains stays quarantined, because a restart would
 * only fail again. Returns one record per action tried.
 */
export function* remediate(
  context: df.OrchestrationContext,
  target: HealthCheckTarget,
  facts: TenantPairFacts,
  findings: readonly HealthFinding[],
): Generator<df.Task, RemediationRecord[], unknown> {
  const rules = new Set(findings.map((item) => item.rule));
  const { sourceTenantId, targetTenantId } = target;
  const inTarget = { tenantId: targetTenantId, partnerTenantId: sourceTenantId };
  const inSource = { tenantId: sourceTenantId, partnerTenantId: targetTenantId };
  const records: RemediationRecord[] = [];

  // A null flag may mean the partner configuration is gone, so the partner is ensured (created or adopted) first.
  if (rules.has(HealthRules.targetAutoRedemptionDrift) || rules.has(HealthRules.inboundSyncDrift)) {
    const ensureTarget =
      facts.targetInboundAllowed === null ? [{ name: ActivityNames.ensureTargetPartner, input: inTarget }] : [];
    if (rules.has(HealthRules.inboundSyncDrift)) {
      const steps = [
        ...ensureTarget,
        {
          name: ActivityNames.allowInboundSync,
          input: { sourceTenantId, targetTenantId, displayName: target.configurationName },
        },
      ];
      records.push(
        yield* runAction(
          context,
          RemediationActions.reapplyInboundSync,
          steps,
          "Set userSyncInbound.isSyncAllowed to true in the target",
        ),
      );
    }
    if (rules.has(HealthRules.targetAutoRedemptionDrift)) {
      const steps = [...ensureTarget, { name: ActivityNames.enableTargetAutoRedemption, input: inTarget }];
      records.push(
        yield* runAction(
          context,
          RemediationActions.reapplyTargetAutoRedemption,
          steps,
          "Set automaticUserConsentSettings.inboundAllowed to true in the target",
        ),
      );
    }
  }
  if (rules.has(HealthRules.sourceAutoRedemptionDrift)) {
    const ensureSource =
      facts.sourceOutboundAllowed === null ? [{ name: ActivityNames.ensureSourcePartner, input: inSource }] : [];
    const steps = [...ensureSource, { name: ActivityNames.enableSourceAutoRedemption, input: inSource }];
    records.push(
      yield* runAction(
        context,
        RemediationActions.reapplySourceAutoRedemption,
        steps,
        "Set automaticUserConsentSettings.outboundAllowed to true in the source",
      ),
    );
  }

  const causeGone =
    ![...rules].some((rule) => POLICY_DRIFT_RULES.has(rule)) && facts.credentials.checked && facts.credentials.valid;
  if (
    rules.has(HealthRules.jobQuarantined) &&
    causeGone &&
    target.servicePrincipalId !== null &&
    target.jobId !== null
  ) {
    const input = { sourceTenantId, servicePrincipalId: target.servicePrincipalId, jobId: target.jobId };
    const steps = [{ name: ActivityNames.restartSyncJob, input }];
    records.push(
      yield* runAction(
        context,
        RemediationActions.restartQuarantinedJob,
        steps,
        "Restarted the quarantined job with resetScope QuarantineState",
      ),
    );
  }
  return records;
}
