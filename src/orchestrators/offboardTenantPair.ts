import * as df from "durable-functions";

import { ActivityNames, OrchestratorNames } from "../shared/activityNames";
import type { OffboardingResult } from "../shared/offboardingContracts";
import { readOffboardingRequest } from "./offboarding/offboardingInput";
import { listKeptObjects, planPolicyTeardown, planSyncTeardown } from "./offboarding/offboardingPlan";
import { OffboardingRun, OffboardingStepError } from "./offboarding/offboardingRun";
import { runTeardown, unassignPrincipals, waitForDeprovisioning } from "./offboarding/offboardingSteps";

/**
 * Offboards a registered tenant pair in Graph's teardown order. The run marks the pair `offboarding`. Unless
 * `keepSyncedUsers` is set, it unassigns everyone from the sync service principal and waits for cycles to remove the
 * synced users. It deletes the job, service principal and application that onboarding created, removes the policies
 * onboarding created, restores the flags onboarding changed, and marks the pair `offboarded`. Objects that existed
 * before onboarding stay.
 *
 * Every step is idempotent. A failed step leaves the pair `offboarding` with the error in its registry record, and a
 * later DELETE runs the whole sequence again, which skips what is already gone.
 */
export function* offboardTenantPair(context: df.OrchestrationContext): Generator<df.Task, OffboardingResult, unknown> {
  const request = readOffboardingRequest(context.df.getInput());
  const run = new OffboardingRun(context);
  const pair = { sourceTenantId: request.sourceTenantId, targetTenantId: request.targetTenantId };
  run.log(`started for source ${pair.sourceTenantId} and target ${pair.targetTenantId}`);

  const subject = yield* run.call("markOffboarding", ActivityNames.markPairOffboarding, {
    ...pair,
    instanceId: run.instanceId,
    keepSyncedUsers: request.keepSyncedUsers,
  });
  const recorded = subject.objects.source.length + subject.objects.target.length;
  run.succeed("markOffboarding", `state offboarding; ${recorded} objects recorded by onboarding`);

  try {
    const unassigned = yield* unassignPrincipals(run, request, subject);
    const deprovisioning = yield* waitForDeprovisioning(run, request, subject, unassigned);
    const syncChanges = yield* runTeardown(run, "removeSyncObjects", planSyncTeardown(subject, pair));
    const policyChanges = yield* runTeardown(run, "removeTenantPolicies", planPolicyTeardown(subject, pair));
    const result: OffboardingResult = {
      ...pair,
      keepSyncedUsers: request.keepSyncedUsers,
      unassignedCount: unassigned.removedCount,
      deprovisioning,
      changes: [...syncChanges, ...policyChanges],
      kept: listKeptObjects(subject, pair),
    };
    yield* run.call("markOffboarded", ActivityNames.markPairOffboarded, {
      ...pair,
      instanceId: run.instanceId,
      result,
    });
    run.succeed("markOffboarded", "state offboarded");
    return result;
  } catch (error) {
    if (error instanceof OffboardingStepError) {
      yield* recordFailure(run, pair, error);
    }
    throw error;
  }
}

/** Stores the failed step's error in the registry. A failure to store it is logged and does not hide the first error. */
function* recordFailure(
  run: OffboardingRun,
  pair: { sourceTenantId: string; targetTenantId: string },
  failure: OffboardingStepError,
): Generator<df.Task, void, unknown> {
  const input = { ...pair, instanceId: run.instanceId, step: failure.step, ...failure.error };
  try {
    yield run.callActivity(ActivityNames.recordOffboardingFailure, input);
  } catch (error) {
    run.log(`could not record the failure of ${failure.step} in the registry: ${String(error).split("\n", 1)[0]}`);
  }
}

df.app.orchestration(OrchestratorNames.offboardTenantPair, offboardTenantPair);
