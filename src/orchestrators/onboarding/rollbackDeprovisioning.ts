import type * as df from "durable-functions";

import type { DeprovisioningProgress } from "../../shared/offboardingContracts";
import type { SyncJobInput, TenantPairIds } from "../../shared/onboardingContracts";
import type { OnboardingCustomStatus, StepError } from "../../shared/onboardingStatus";
import type { RollbackItem } from "../../shared/rollbackStatus";
import { describeDeprovisioning, judgeDeprovisioning } from "../offboarding/deprovisioning";
import { POLL_BACKOFF, nextPollDelaySeconds } from "./backoff";
import type { ObjectLedger } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";
import { callWithRetries } from "./rollbackCall";
import type { Compensation } from "./rollbackPlan";

/**
 * The rollback's wait for sync cycles to delete the B2B users that the run's job synced into the target. It runs after
 * the unassignments and before the job is deleted, while the target still allows inbound sync, as in Graph's teardown
 * order. `activity` is the activity it polls.
 */
export interface DeprovisioningWait {
  activity: "readDeprovisioningProgress";
  input: SyncJobInput;
  item: RollbackItem;
}

export type RollbackStep = Compensation | DeprovisioningWait;

const WAITING_FOR = "sync cycles to remove the synced users";

/**
 * Tells whether Graph may have started the run's job: the start step succeeded, or it failed after more than one call,
 * so an earlier call may have been applied before its response was lost. A start rejected on its only call started
 * nothing.
 */
export function mayHaveStartedJob(status: OnboardingCustomStatus): boolean {
  const start = status.steps.find((step) => step.name === "startSyncJob");
  return start?.state === "succeeded" || (start?.state === "failed" && start.attempts > 1);
}

/**
 * Inserts the deprovisioning wait before the compensation that deletes the job or its service principal. The wait is
 * planned only when the job may have started, the rollback deletes it, and the rollback removes at least one
 * assignment. Without an unassignment no user leaves the scope, so no cycle would delete anyone.
 */
export function addDeprovisioningWait(
  plan: readonly Compensation[],
  ledger: ObjectLedger,
  pair: TenantPairIds,
  jobMayHaveStarted: boolean,
): RollbackStep[] {
  const job = [...ledger.source].reverse().find((record) => record.type === "synchronizationJob");
  const servicePrincipalId = job?.detail?.["servicePrincipalId"];
  const deletesJob = plan.findIndex(
    (step) => step.activity === "deleteSyncJob" || step.activity === "deleteSyncApplication",
  );
  const unassigns = plan.some((step) => step.activity === "removeAppRoleAssignment");
  if (!jobMayHaveStarted || job === undefined || typeof servicePrincipalId !== "string") {
    return [...plan];
  }
  if (deletesJob < 0 || !unassigns) {
    return [...plan];
  }
  const wait: DeprovisioningWait = {
    activity: "readDeprovisioningProgress",
    input: { sourceTenantId: pair.sourceTenantId, servicePrincipalId, jobId: job.id },
    item: { action: "deprovision", tenantId: pair.targetTenantId, objectType: "syncedUsers", id: job.id },
  };
  return [...plan.slice(0, deletesJob), wait, ...plan.slice(deletesJob)];
}

/**
 * Polls the job with durable timers, at most `timeoutSeconds`, until a successful cycle that began after the wait
 * started reports no synchronized entry left, as offboarding does. Returns undefined when the users are gone or the
 * job never ran, else the reason they stay in the target: the timeout, a quarantined or deleted job, or a failed read.
 * Messages leave out the job id because the rollback item names it.
 */
export function* awaitDeprovisioning(
  run: OnboardingRun,
  wait: DeprovisioningWait,
  timeoutSeconds: number,
  onWait: (waitingFor: string) => void,
): Generator<df.Task, StepError | undefined, unknown> {
  const since = run.now();
  const input = { ...wait.input, since: since.toISOString() };
  for (let poll = 1; ; poll++) {
    const read = yield* callWithRetries(run, wait.activity, input, onWait);
    if (!read.ok) {
      const { kind: _kind, transient: _transient, ...error } = read.failure;
      return { ...error, message: `Reading the deprovisioning progress failed: ${error.message}` };
    }
    const progress = read.output;
    if (neverRan(progress)) {
      return undefined;
    }
    const state = judgeDeprovisioning(progress, since);
    const facts = describeDeprovisioning(progress);
    if (state === "removed") {
      run.log(`sync cycles removed the synced users of job ${wait.input.jobId}: ${facts}`);
      return undefined;
    }
    if (state === "jobGone") {
      return { message: "The sync job is gone, so no cycle can remove the users it synced." };
    }
    if (state === "quarantined") {
      const reason = progress.job?.quarantine?.reason ?? "no reason given";
      return { message: `The sync job is in quarantine (${reason}), so no cycle removes the synced users; ${facts}.` };
    }
    const elapsedSeconds = (run.now().getTime() - since.getTime()) / 1000;
    const delaySeconds = nextPollDelaySeconds(poll, elapsedSeconds, timeoutSeconds, POLL_BACKOFF);
    if (delaySeconds === undefined) {
      return { message: `Sync cycles had not removed the synced users after ${timeoutSeconds} s; ${facts}.` };
    }
    onWait(WAITING_FOR);
    yield run.timer(delaySeconds);
  }
}

/** Tells whether the job never ran a cycle: it is not active and has no execution on record, so it synced no user. */
function neverRan(progress: DeprovisioningProgress): boolean {
  const job = progress.job;
  if (job === null || job.scheduleState === "Active") {
    return false;
  }
  return job.lastExecution === null && job.lastSuccessfulExecution === null;
}
