import type * as df from "durable-functions";

import type { OnboardingCustomStatus, OnboardingStepName, StepError } from "../../shared/onboardingStatus";
import type { RollbackStatus } from "../../shared/rollbackStatus";
import type { OnboardingActivities, OnboardingActivityName } from "./activityTypes";
import { describeActivityFailure } from "./activityFailure";
import {
  MAX_TRANSIENT_ATTEMPTS,
  POLL_BACKOFF,
  TRANSIENT_RETRY_BACKOFF,
  backoffDelaySeconds,
  nextPollDelaySeconds,
} from "./backoff";
import { OnboardingStepError } from "./onboardingStepError";
import { joinSentences } from "./sentences";
import { createOnboardingStatus, markAttempt, markFailed, markSucceeded, markWaiting } from "./stepStatus";
import { fitCustomStatus } from "../statusBudget";

/** Output of the last call of a bounded poll, and whether the poll stopped because the time was up. */
export interface PollOutcome<T> {
  output: T;
  timedOut: boolean;
}

/**
 * One onboarding run inside the orchestrator: calls activities with durable retries, waits with durable timers and
 * keeps the custom status. Everything here is replay-safe: times come from `currentUtcDateTime`, waits are timers,
 * and logs are written only when not replaying.
 */
export class OnboardingRun {
  readonly #context: df.OrchestrationContext;
  #status: OnboardingCustomStatus = createOnboardingStatus();
  /** Orchestration time when the run started; the same on every replay. */
  readonly startedAt: Date;

  constructor(context: df.OrchestrationContext) {
    this.#context = context;
    this.startedAt = context.df.currentUtcDateTime;
    this.#publish();
  }

  get status(): OnboardingCustomStatus {
    return this.#status;
  }

  now(): Date {
    return this.#context.df.currentUtcDateTime;
  }

  log(message: string): void {
    if (!this.#context.df.isReplaying) {
      this.#context.log(`onboardTenantPair ${this.#context.df.instanceId}: ${message}`);
    }
  }

  /**
   * Calls an activity for a step. A transient Graph or registry error is retried with durable timers, up to
   * `MAX_TRANSIENT_ATTEMPTS` calls in all; any other error fails the step and ends the run. `advice`, a sentence on
   * what to do next, is appended to the message of that failure.
   */
  *call<N extends OnboardingActivityName>(
    step: OnboardingStepName,
    activity: N,
    input: OnboardingActivities[N]["input"],
    advice?: string,
  ): Generator<df.Task, OnboardingActivities[N]["output"], unknown> {
    for (let attempt = 1; ; attempt++) {
      this.#update(markAttempt(this.#status, step, this.now()));
      try {
        // The activity's output type is fixed by its contract in onboardingContracts.ts.
        return (yield this.#context.df.callActivity(activity, input)) as OnboardingActivities[N]["output"];
      } catch (error) {
        const failure = describeActivityFailure(error);
        if (!failure.transient || attempt >= MAX_TRANSIENT_ATTEMPTS) {
          const message = advice === undefined ? failure.message : joinSentences(failure.message, advice);
          throw this.fail(step, { ...failure, message }, error);
        }
        const delaySeconds = backoffDelaySeconds(attempt, TRANSIENT_RETRY_BACKOFF);
        this.log(
          `${activity} attempt ${attempt} failed with a transient error; retrying in ${delaySeconds} s: ${failure.message}`,
        );
        const waitingFor = `retry after a transient ${failure.origin ?? "Graph"} error (attempt ${attempt} of ${MAX_TRANSIENT_ATTEMPTS})`;
        yield* this.wait(step, waitingFor, delaySeconds);
      }
    }
  }

  /**
   * Calls an activity until `isDone` accepts its output or `timeoutSeconds` have passed since the first call, waiting
   * with growing durable timers in between. One last call runs when the time is up.
   */
  *poll<N extends OnboardingActivityName>(
    step: OnboardingStepName,
    activity: N,
    input: OnboardingActivities[N]["input"],
    wait: {
      waitingFor: string;
      timeoutSeconds: number;
      isDone: (output: OnboardingActivities[N]["output"]) => boolean;
    },
  ): Generator<df.Task, PollOutcome<OnboardingActivities[N]["output"]>, unknown> {
    const startedAt = this.now();
    for (let poll = 1; ; poll++) {
      const output = yield* this.call(step, activity, input);
      if (wait.isDone(output)) {
        return { output, timedOut: false };
      }
      const elapsedSeconds = (this.now().getTime() - startedAt.getTime()) / 1000;
      const delaySeconds = nextPollDelaySeconds(poll, elapsedSeconds, wait.timeoutSeconds, POLL_BACKOFF);
      if (delaySeconds === undefined) {
        return { output, timedOut: true };
      }
      yield* this.wait(step, wait.waitingFor, delaySeconds);
    }
  }

  /** Waits with a durable timer, showing the step as waiting meanwhile. */
  *wait(step: OnboardingStepName, waitingFor: string, delaySeconds: number): Generator<df.Task, void, unknown> {
    this.#update(markWaiting(this.#status, step, waitingFor, this.now()));
    yield this.#context.df.createTimer(new Date(this.now().getTime() + delaySeconds * 1000));
  }

  /** Schedules one activity call that belongs to no onboarding step, e.g. a compensation. The caller handles failures. */
  callActivity<N extends OnboardingActivityName>(activity: N, input: OnboardingActivities[N]["input"]): df.Task {
    return this.#context.df.callActivity(activity, input);
  }

  /** Creates a durable timer that fires `delaySeconds` after the orchestration's current time. */
  timer(delaySeconds: number): df.Task {
    return this.#context.df.createTimer(new Date(this.now().getTime() + delaySeconds * 1000));
  }

  /** Makes `step` the current step again, e.g. the failed step after a later bookkeeping step ran. */
  restoreCurrentStep(step: OnboardingStepName | null): void {
    this.#update({ ...this.#status, currentStep: step });
  }

  /** Publishes the rollback's progress in the custom status, next to the step records. */
  setRollbackStatus(rollback: RollbackStatus): void {
    this.#update({ ...this.#status, rollback });
  }

  succeed(step: OnboardingStepName, detail?: string): void {
    this.#update(markSucceeded(this.#status, step, this.now(), detail));
    this.log(`${step} succeeded${detail === undefined ? "" : `: ${detail}`}`);
  }

  /** Marks the step failed and returns the error that ends the run; the caller throws it. */
  fail(step: OnboardingStepName, error: StepError, cause?: unknown): OnboardingStepError {
    this.#update(markFailed(this.#status, step, this.now(), error));
    this.log(`${step} failed: ${error.message}`);
    return new OnboardingStepError(step, error, { cause });
  }

  #update(status: OnboardingCustomStatus): void {
    this.#status = status;
    this.#publish();
  }

  #publish(): void {
    this.#context.df.setCustomStatus(fitCustomStatus(this.#status));
  }
}
