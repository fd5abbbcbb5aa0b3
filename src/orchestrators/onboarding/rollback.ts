import type * as df from "durable-functions";

import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { RollbackItem, RollbackStatus } from "../../shared/rollbackStatus";
import type { StepError } from "../../shared/onboardingStatus";
import type { ObjectLedger } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";
import { callWithRetries } from "./rollbackCall";
import {
  type RollbackStep,
  addDeprovisioningWait,
  awaitDeprovisioning,
  mayHaveStartedJob,
} from "./rollbackDeprovisioning";
import {
  describeRollback,
  finishRollback,
  markCompensating,
  markCompensationWaiting,
  markLeftBehind,
  markRolledBack,
  skipRollback,
  startRollback,
} from "./rollbackProgress";
import { planRollback } from "./rollbackPlan";
import { remainingObjects } from "./remainingObjects";

/**
 * Outcome of a rollback: its status, and the run's objects still in place, i.e. the adopted ones and those it could
 * not undo (all of them when the rollback was skipped). The lists of the status are capped; `remaining` is complete.
 */
export interface RollbackOutcome {
  status: RollbackStatus;
  remaining: ObjectLedger;
}

/**
 * Undoes what a failed run created or changed, one compensating activity at a time in the order of `planRollback`,
 * and publishes the progress in the custom status. A compensation that still fails after its retries is listed in
 * `leftBehind` and the rollback goes on with the next one, so one stuck object does not keep the others in place.
 * With `rollbackOnFailure: false` nothing is called and every planned item is listed as left behind.
 *
 * When the run's job may have synced users, the rollback waits after the unassignments for cycles to delete them,
 * at most `waits.deprovisionTimeoutSeconds`. A wait that times out lists the synced users as left behind.
 */
export function* rollBack(
  run: OnboardingRun,
  request: OnboardingRequest,
  ledger: ObjectLedger,
): Generator<df.Task, RollbackOutcome, unknown> {
  const plan = addDeprovisioningWait(planRollback(ledger, request), ledger, request, mayHaveStartedJob(run.status));
  if (request.rollbackOnFailure === false) {
    const skipped = skipRollback(plan.map((step) => step.item));
    run.setRollbackStatus(skipped);
    run.log(`rollback ${describeRollback(skipped)}`);
    return { status: skipped, remaining: remainingObjects(ledger, request, []) };
  }

  const undone: RollbackItem[] = [];
  let status = startRollback(plan.length);
  for (const step of plan) {
    status = markCompensating(status, step.item);
    run.setRollbackStatus(status);
    const failure = yield* undo(run, request, step, (waitingFor) => {
      status = markCompensationWaiting(status, waitingFor);
      run.setRollbackStatus(status);
    });
    const { action, objectType, id, tenantId } = step.item;
    if (failure === undefined) {
      undone.push(step.item);
      status = markRolledBack(status, step.item);
    } else {
      status = markLeftBehind(status, step.item, failure);
      run.log(`rollback could not ${action} ${objectType} ${id} in tenant ${tenantId}: ${failure.message}`);
    }
  }
  status = finishRollback(status);
  run.setRollbackStatus(status);
  run.log(`rollback ${describeRollback(status)}`);
  return { status, remaining: remainingObjects(ledger, request, undone) };
}

/** Runs one rollback step and returns why it failed, or undefined when its item is undone. */
function* undo(
  run: OnboardingRun,
  request: OnboardingRequest,
  step: RollbackStep,
  onWait: (waitingFor: string) => void,
): Generator<df.Task, StepError | undefined, unknown> {
  if (step.activity === "readDeprovisioningProgress") {
    const timeoutSeconds = request.waits.deprovisionTimeoutSeconds;
    if (timeoutSeconds === undefined) {
      return { message: "The run's input sets no waits.deprovisionTimeoutSeconds, so the rollback did not wait." };
    }
    const error = yield* awaitDeprovisioning(run, step, timeoutSeconds, onWait);
    return error && { ...error, message: `${error.message} The synced users stay in the target tenant.` };
  }
  // Each plan entry pairs an activity with its own input type; the union loses that link, so the input is widened.
  const outcome = yield* callWithRetries(run, step.activity, step.input as never, onWait);
  return outcome.ok ? undefined : outcome.failure;
}
