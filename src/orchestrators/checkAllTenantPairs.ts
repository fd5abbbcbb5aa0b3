import * as df from "durable-functions";

import { ActivityNames, OrchestratorNames } from "../shared/activityNames";
import type {
  CheckTenantPairInput,
  HealthCheckTarget,
  HealthSweepMetrics,
  HealthSweepSummary,
  ListTenantPairsOutput,
  TenantPairHealth,
} from "../shared/healthContracts";
import { activityErrorText } from "./onboarding/activityFailure";
import { readCheckAllTenantPairsInput } from "./health/healthInput";
import { tallySweep } from "./health/sweepTally";

/** Registry records read per `listTenantPairs` call. */
const LIST_PAGE_SIZE = 100;

interface RunningCheck {
  task: df.Task;
  target: HealthCheckTarget;
}

/**
 * Checks every registered tenant pair except those onboarding, offboarding or offboarded: reads the registry page by
 * page, runs one `checkTenantPair` sub-orchestration per pair with at most `maxParallel` running at a time, then
 * sends the run's metrics. A failed check is counted and listed in the summary; it does not stop the others.
 * NOTE: the whole run lives in one orchestration history, which grows with every pair; thousands of pairs would call
 * for batches with continue-as-new.
 */
export function* checkAllTenantPairs(
  context: df.OrchestrationContext,
): Generator<df.Task, HealthSweepSummary, unknown> {
  const { maxParallel, remediationEnabled } = readCheckAllTenantPairsInput(context.df.getInput());
  const startedAt = context.df.currentUtcDateTime;

  const targets: HealthCheckTarget[] = [];
  let skippedPairs = 0;
  let continuationToken: string | undefined;
  do {
    const input =
      continuationToken === undefined ? { pageSize: LIST_PAGE_SIZE } : { pageSize: LIST_PAGE_SIZE, continuationToken };
    const page = (yield context.df.callActivity(ActivityNames.listTenantPairs, input)) as ListTenantPairsOutput;
    targets.push(...page.targets);
    skippedPairs += page.skipped;
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);

  const results: TenantPairHealth[] = [];
  const failures: HealthSweepSummary["failures"] = [];
  const running: RunningCheck[] = [];

  // Waits for any running check to end and files its result or failure.
  function* collectOne(): Generator<df.Task, void, unknown> {
    const finished = (yield context.df.Task.any(running.map((check) => check.task))) as df.Task;
    const index = running.findIndex((check) => check.task === finished);
    const [check] = running.splice(index, 1);
    if (check === undefined) {
      return;
    }
    if (finished.isFaulted) {
      const { sourceTenantId, targetTenantId } = check.target;
      failures.push({ sourceTenantId, targetTenantId, message: activityErrorText(finished.result) });
    } else {
      results.push(finished.result as TenantPairHealth);
    }
  }

  for (const target of targets) {
    if (running.length >= maxParallel) {
      yield* collectOne();
    }
    const input: CheckTenantPairInput = { target, remediationEnabled };
    running.push({ task: context.df.callSubOrchestrator(OrchestratorNames.checkTenantPair, input), target });
  }
  while (running.length > 0) {
    yield* collectOne();
  }

  const durationMs = context.df.currentUtcDateTime.getTime() - startedAt.getTime();
  const summary = tallySweep(context.df.instanceId, results, failures, skippedPairs, durationMs);
  const metrics: HealthSweepMetrics = {
    instanceId: summary.instanceId,
    pairCount: summary.pairCount,
    pairsByVerdict: summary.pairsByVerdict,
    failedChecks: summary.failedChecks,
    durationMs: summary.durationMs,
  };
  yield context.df.callActivity(ActivityNames.emitHealthMetrics, metrics);
  if (!context.df.isReplaying) {
    context.log(
      `checkAllTenantPairs ${context.df.instanceId}: checked ${summary.pairCount} pair(s), ${summary.failedChecks} failed, ` +
        `${skippedPairs} skipped, in ${durationMs} ms`,
    );
  }
  return summary;
}

df.app.orchestration(OrchestratorNames.checkAllTenantPairs, checkAllTenantPairs);
