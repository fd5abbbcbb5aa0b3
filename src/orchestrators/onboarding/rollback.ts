import type * as df from "durable-functions";

import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { RollbackStatus } from "../../shared/rollbackStatus";
import { type ActivityFailure, describeActivityFailure } from "./activityFailure";
import { MAX_TRANSIENT_ATTEMPTS, TRANSIENT_RETRY_BACKOFF, backoffDelaySeconds } from "./backoff";
import type { ObjectLedger } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";
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
import { type Compensation, planRollback } from "./rollbackPlan";

/**
 * Undoes what a failed run created or changed, one compensating activity at a time in the order of `planRollback`,
 * and publishes the progress in the custom status. A compensation that still fails after its retries is listed in
 * `leftBehind` and the rollback goes on with the next one, so one stuck object does not keep the others in place.
 * With `rollbackOnFailure: false` nothing is called and every planned item is listed as left behind.
 */
export function* rollBack(
  run: OnboardingRun,
  request: OnboardingRequest,
  ledger: ObjectLedger,
): Generator<df.Task, RollbackStatus, unknown> {
  const plan = planRollback(ledger, request);
  if (request.rollbackOnFailure === false) {
    const skipped = skipRollback(plan.map((compensation) => compensation.item));
    run.setRollbackStatus(skipped);
    run.log(`rollback ${describeRollback(skipped)}`);
    return skipped;
  }

  let status = startRollback(plan.length);
  for (const compensation of plan) {
    status = markCompensating(status, compensation.item);
    run.setRollbackStatus(status);
    const failure = yield* compensate(run, compensation, (waitingFor) => {
      status = markCompensationWaiting(status, waitingFor);
      run.setRollbackStatus(status);
    });
    const { action, objectType, id, tenantId } = compensation.item;
    if (failure === undefined) {
      status = markRolledBack(status, compensation.item);
    } else {
      status = markLeftBehind(status, compensation.item, failure);
      run.log(`rollback could not ${action} ${objectType} ${id} in tenant ${tenantId}: ${failure.message}`);
    }
  }
  status = finishRollback(status);
  run.setRollbackStatus(status);
  run.log(`rollback ${describeRollback(status)}`);
  return status;
}

/**
 * Calls one compensating activity. A transient Graph error is retried with durable timers, as forward steps are, up
 * to `MAX_TRANSIENT_ATTEMPTS` calls. The failure of the last call is returned, not thrown.
 */
function* compensate(
  run: OnboardingRun,
  compensation: Compensation,
  onWait: (waitingFor: string) => void,
): Generator<df.Task, ActivityFailure | undefined, unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      yield run.callActivity(compensation.activity, compensation.input);
      return undefined;
    } catch (error) {
      const failure = describeActivityFailure(error);
      if (!failure.transient || attempt >= MAX_TRANSIENT_ATTEMPTS) {
        return failure;
      }
      const delaySeconds = backoffDelaySeconds(attempt, TRANSIENT_RETRY_BACKOFF);
      run.log(`${compensation.activity} attempt ${attempt} failed with a transient error; retrying in ${delaySeconds} s: ${failure.message}`);
      onWait(`retry after a transient Graph error (attempt ${attempt} of ${MAX_TRANSIENT_ATTEMPTS})`);
      yield run.timer(delaySeconds);
    }
  }
}
