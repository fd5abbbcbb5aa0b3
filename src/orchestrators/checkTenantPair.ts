import * as df from "durable-functions";

import type { HealthCheckResult, RemediationRecord } from "../registry/tenantPairRecord";
import { ActivityNames, OrchestratorNames } from "../shared/activityNames";
import type { InspectTenantPairInput, TenantPairFacts, TenantPairHealth } from "../shared/healthContracts";
import { readCheckTenantPairInput } from "./health/healthInput";
import { judgeTenantPair } from "./health/judgeTenantPair";
import { remediate } from "./health/remediation";

/** Graph reads are retried twice, 5 s apart: throttling or a brief outage should not fail the whole check. */
const INSPECT_RETRY = new df.RetryOptions(5_000, 3);

/**
 * Checks one managed tenant pair: reads its state from Graph, judges it, remediates when `remediationEnabled` is
 * set, then records the result in the registry and sends one telemetry event. Usable alone (the HTTP route starts
 * it) or as a sub-orchestration of `checkAllTenantPairs`. Fails when Graph cannot be read after the retries.
 */
export function* checkTenantPair(context: df.OrchestrationContext): Generator<df.Task, TenantPairHealth, unknown> {
  const { target, remediationEnabled } = readCheckTenantPairInput(context.df.getInput());
  const startedAt = context.df.currentUtcDateTime;
  const log = (message: string) => {
    if (!context.df.isReplaying) {
      context.log(`checkTenantPair ${context.df.instanceId}: ${message}`);
    }
  };

  const inspectInput: InspectTenantPairInput = {
    sourceTenantId: target.sourceTenantId,
    targetTenantId: target.targetTenantId,
    servicePrincipalId: target.servicePrincipalId,
    jobId: target.jobId,
    registeredAt: target.registeredAt,
  };
  const facts = (yield context.df.callActivityWithRetry(
    ActivityNames.inspectTenantPair,
    INSPECT_RETRY,
    inspectInput,
  )) as TenantPairFacts;
  const { verdict, findings } = judgeTenantPair(facts);
  log(
    `${target.sourceTenantId} -> ${target.targetTenantId} is ${verdict}: ${findings.map((item) => item.rule).join(", ") || "no findings"}`,
  );

  let remediations: RemediationRecord[] = [];
  if (remediationEnabled && findings.length > 0) {
    remediations = yield* remediate(context, target, facts, findings);
    for (const record of remediations) {
      log(`remediation ${record.action} ${record.outcome}: ${record.detail}`);
    }
  }

  const result: HealthCheckResult = {
    checkedAt: startedAt.toISOString(),
    verdict,
    findings,
    durationMs: context.df.currentUtcDateTime.getTime() - startedAt.getTime(),
    remediations,
    instanceId: context.df.instanceId,
  };
  const pair = { sourceTenantId: target.sourceTenantId, targetTenantId: target.targetTenantId };
  yield context.df.callActivity(ActivityNames.recordHealthCheck, { ...pair, result });
  return { ...pair, result };
}

df.app.orchestration(OrchestratorNames.checkTenantPair, checkTenantPair);
