import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { DeprovisioningReport, OffboardingChange, OffboardingSubject } from "../../shared/offboardingContracts";
import type { OffboardingRequest } from "../../shared/offboardingRequest";
import type { OffboardingStepName } from "../../shared/offboardingStatus";
import type { CompensationOutput } from "../../shared/onboardingContracts";
import { POLL_BACKOFF, nextPollDelaySeconds } from "../onboarding/backoff";
import { describeDeprovisioning, judgeDeprovisioning } from "./deprovisioning";
import type { OffboardingActivityName } from "./offboardingActivities";
import type { TeardownAction } from "./offboardingPlan";
import type { OffboardingRun } from "./offboardingRun";

/**
 * Removes every assignment of the sync service principal unless the request keeps the synced users. Returns the
 * number removed and the orchestration time after the removal, from which cycles are awaited.
 */
export function* unassignPrincipals(
  run: OffboardingRun,
  request: OffboardingRequest,
  subject: OffboardingSubject,
): Generator<df.Task, { removedCount: number; servicePrincipalFound: boolean; since: Date }, unknown> {
  const step = "unassignPrincipals";
  if (request.keepSyncedUsers) {
    run.skip(step, "the request keeps the synced users");
    return { removedCount: 0, servicePrincipalFound: true, since: run.now() };
  }
  if (subject.servicePrincipalId === null) {
    run.skip(step, "no sync service principal is recorded for the pair");
    return { removedCount: 0, servicePrincipalFound: false, since: run.now() };
  }
  const input = { sourceTenantId: request.sourceTenantId, servicePrincipalId: subject.servicePrincipalId };
  const output = yield* run.call(step, ActivityNames.unassignAllPrincipals, input);
  run.succeed(
    step,
    output.servicePrincipalFound
      ? `removed ${output.removedCount} assignments`
      : `service principal ${subject.servicePrincipalId} is already gone`,
  );
  return { ...output, since: run.now() };
}

/**
 * Waits with durable timers, at most `deprovisionTimeoutSeconds`, until sync cycles have removed the synced users
 * from the target; the target still allows inbound sync meanwhile. Quarantine or the timeout fails the step, so the
 * job and policies stay in place and a later DELETE continues the wait. Returns null when the users are kept.
 */
export function* waitForDeprovisioning(
  run: OffboardingRun,
  request: OffboardingRequest,
  subject: OffboardingSubject,
  unassigned: { servicePrincipalFound: boolean; since: Date },
): Generator<df.Task, DeprovisioningReport | null, unknown> {
  const step = "waitForDeprovisioning";
  if (request.keepSyncedUsers) {
    run.skip(step, "the request keeps the synced users");
    return null;
  }
  if (subject.servicePrincipalId === null || subject.jobId === null || !unassigned.servicePrincipalFound) {
    run.skip(step, "no sync job is left to remove the synced users");
    return { outcome: "noJob", deletedCount: 0, synchronizedCount: null };
  }
  const input = {
    sourceTenantId: request.sourceTenantId,
    servicePrincipalId: subject.servicePrincipalId,
    jobId: subject.jobId,
    since: unassigned.since.toISOString(),
  };
  const startedAt = run.now();
  for (let poll = 1; ; poll++) {
    const progress = yield* run.call(step, ActivityNames.readDeprovisioningProgress, input);
    const state = judgeDeprovisioning(progress, unassigned.since);
    const facts = describeDeprovisioning(progress);
    if (state === "removed" || state === "jobGone") {
      run.succeed(step, state === "jobGone" ? `the sync job is already gone; ${facts}` : facts);
      const outcome = state === "jobGone" ? "noJob" : "removed";
      return { outcome, deletedCount: progress.deletedCount, synchronizedCount: progress.synchronizedCount };
    }
    if (state === "quarantined") {
      const reason = progress.job?.quarantine?.reason ?? "no reason given";
      throw run.fail(step, {
        message:
          `The sync job ${subject.jobId} is in quarantine (${reason}), so no cycle removes the synced users; ${facts}. ` +
          "Fix the job and DELETE the pair again, or DELETE with keepSyncedUsers true to leave the users.",
      });
    }
    const elapsedSeconds = (run.now().getTime() - startedAt.getTime()) / 1000;
    const delaySeconds = nextPollDelaySeconds(poll, elapsedSeconds, request.deprovisionTimeoutSeconds, POLL_BACKOFF);
    if (delaySeconds === undefined) {
      throw run.fail(step, {
        message:
          `Sync cycles had not removed the synced users after ${request.deprovisionTimeoutSeconds} s; ${facts}. ` +
          "DELETE the pair again to keep waiting, or with keepSyncedUsers true to leave the users.",
      });
    }
    yield* run.wait(step, "sync cycles to remove the synced users", delaySeconds);
  }
}

/** Runs the planned teardown calls of one step in order and returns what each changed. */
export function* runTeardown(
  run: OffboardingRun,
  step: OffboardingStepName,
  actions: readonly TeardownAction[],
): Generator<df.Task, OffboardingChange[], unknown> {
  if (actions.length === 0) {
    run.skip(step, "nothing recorded for this step was created or changed by the service");
    return [];
  }
  const changes: OffboardingChange[] = [];
  for (const action of actions) {
    // Each plan entry pairs an activity with its own input type; the union loses that link, so the name is widened.
    const activity = action.activity as OffboardingActivityName;
    const output = (yield* run.call(step, activity as "pauseSyncJob", action.input as never)) as CompensationOutput;
    changes.push({ ...action.change, alreadyDone: output.alreadyUndone });
  }
  const done = changes.filter((change) => !change.alreadyDone).length;
  const alreadyDone = changes.length - done;
  const changeCount = `${done} of ${changes.length} ${changes.length === 1 ? "change" : "changes"} made`;
  run.succeed(step, `${changeCount}; ${alreadyDone} ${alreadyDone === 1 ? "was" : "were"} already done`);
  return changes;
}
