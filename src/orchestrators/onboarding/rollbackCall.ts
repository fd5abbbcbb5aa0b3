import type * as df from "durable-functions";

import type { OnboardingActivities, OnboardingActivityName } from "./activityTypes";
import { type ActivityFailure, describeActivityFailure } from "./activityFailure";
import { MAX_TRANSIENT_ATTEMPTS, TRANSIENT_RETRY_BACKOFF, backoffDelaySeconds } from "./backoff";
import type { OnboardingRun } from "./onboardingRun";

/** Output of a rollback's activity call, or the failure of its last attempt. */
export type RollbackCallOutcome<T> = { ok: true; output: T } | { ok: false; failure: ActivityFailure };

/**
 * Calls one activity of a rollback. A transient Graph error is retried with durable timers, as forward steps are, up
 * to `MAX_TRANSIENT_ATTEMPTS` calls. The failure of the last call is returned, not thrown, so that the rollback can
 * go on with its next item. `onWait` is called before each retry timer.
 */
export function* callWithRetries<N extends OnboardingActivityName>(
  run: OnboardingRun,
  activity: N,
  input: OnboardingActivities[N]["input"],
  onWait: (waitingFor: string) => void,
): Generator<df.Task, RollbackCallOutcome<OnboardingActivities[N]["output"]>, unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      // The activity's output type is fixed by its contract in onboardingContracts.ts.
      const output = (yield run.callActivity(activity, input)) as OnboardingActivities[N]["output"];
      return { ok: true, output };
    } catch (error) {
      const failure = describeActivityFailure(error);
      if (!failure.transient || attempt >= MAX_TRANSIENT_ATTEMPTS) {
        return { ok: false, failure };
      }
      const delaySeconds = backoffDelaySeconds(attempt, TRANSIENT_RETRY_BACKOFF);
      run.log(
        `${activity} attempt ${attempt} failed with a transient error; retrying in ${delaySeconds} s: ${failure.message}`,
      );
      onWait(`retry after a transient Graph error (attempt ${attempt} of ${MAX_TRANSIENT_ATTEMPTS})`);
      yield run.timer(delaySeconds);
    }
  }
}
