import type * as df from "durable-functions";

import type { OffboardingCustomStatus, OffboardingStepName } from "../../shared/offboardingStatus";
import type { StepError } from "../../shared/onboardingStatus";
import { describeActivityFailure } from "../onboarding/activityFailure";
import { MAX_TRANSIENT_ATTEMPTS, TRANSIENT_RETRY_BACKOFF, backoffDelaySeconds } from "../onboarding/backoff";
import type { OffboardingActivities, OffboardingActivityName } from "./offboardingActivities";
import {
  createOffboardingStatus,
  markOffboardingAttempt,
  markOffboardingEnded,
  markOffboardingFailed,
  markOffboardingWaiting,
} from "./offboardingStepStatus";
import { fitCustomStatus } from "../statusBudget";

/** Error that ends a failed offboarding; its message names the step, the step record keeps the Graph details. */
export class OffboardingStepError extends Error {
  override readonly name = "OffboardingStepError";

  constructor(
    readonly step: OffboardingStepName,
    readonly error: StepError,
    options?: { cause?: unknown },
  ) {
    super(`Offboarding step ${step} failed: ${error.message}`, options);
  }
}

/**
 * One offboarding run inside the orchestrator, built like `OnboardingRun`: activity calls with durable retries of
 * transient Graph and registry errors, durable timers, and the custom status. Replay-safe: times come from `currentUtcDateTime`
 * and logs are written only when not replaying.
 */
export class OffboardingRun {
  readonly #context: df.OrchestrationContext;
  #status: OffboardingCustomStatus = createOffboardingStatus();

  constructor(context: df.OrchestrationContext) {
    this.#context = context;
    this.#publish();
  }

  get status(): OffboardingCustomStatus {
    return this.#status;
  }

  get instanceId(): string {
    return this.#context.df.instanceId;
  }

  now(): Date {
    return this.#context.df.currentUtcDateTime;
  }

  log(message: string): void {
    if (!this.#context.df.isReplaying) {
      this.#context.log(`offboardTenantPair ${this.#context.df.instanceId}: ${message}`);
    }
  }

  /**
   * Calls an activity for a step. A transient Graph or registry error is retried with durable timers, up to
   * `MAX_TRANSIENT_ATTEMPTS` calls in all; any other error fails the step and ends the run.
   */
  *call<N extends OffboardingActivityName>(
    step: OffboardingStepName,
    activity: N,
    input: OffboardingActivities[N]["input"],
  ): Generator<df.Task, OffboardingActivities[N]["output"], unknown> {
    for (let attempt = 1; ; attempt++) {
      this.#update(markOffboardingAttempt(this.#status, step, this.now()));
      try {
        return (yield this.#context.df.callActivity(activity, input)) as OffboardingActivities[N]["output"];
      } catch (error) {
        const failure = describeActivityFailure(error);
        if (!failure.transient || attempt >= MAX_TRANSIENT_ATTEMPTS) {
          throw this.fail(step, failure, error);
        }
        const delaySeconds = backoffDelaySeconds(attempt, TRANSIENT_RETRY_BACKOFF);
        this.log(`${activity} attempt ${attempt} failed with a transient error; retrying in ${delaySeconds} s`);
        const waitingFor = `retry after a transient ${failure.origin ?? "Graph"} error (attempt ${attempt} of ${MAX_TRANSIENT_ATTEMPTS})`;
        yield* this.wait(step, waitingFor, delaySeconds);
      }
    }
  }

  /** Schedules one activity call outside the step records, e.g. recording a failure. The caller handles failures. */
  callActivity<N extends OffboardingActivityName>(activity: N, input: OffboardingActivities[N]["input"]): df.Task {
    return this.#context.df.callActivity(activity, input);
  }

  /** Waits with a durable timer, showing the step as waiting meanwhile. */
  *wait(step: OffboardingStepName, waitingFor: string, delaySeconds: number): Generator<df.Task, void, unknown> {
    this.#update(markOffboardingWaiting(this.#status, step, waitingFor, this.now()));
    yield this.#context.df.createTimer(new Date(this.now().getTime() + delaySeconds * 1000));
  }

  succeed(step: OffboardingStepName, detail: string): void {
    this.#update(markOffboardingEnded(this.#status, step, "succeeded", this.now(), detail));
    this.log(`${step} succeeded: ${detail}`);
  }

  skip(step: OffboardingStepName, reason: string): void {
    this.#update(markOffboardingEnded(this.#status, step, "skipped", this.now(), reason));
    this.log(`${step} skipped: ${reason}`);
  }

  /** Marks the step failed and returns the error that ends the run; the caller throws it. */
  fail(step: OffboardingStepName, error: StepError, cause?: unknown): OffboardingStepError {
    this.#update(markOffboardingFailed(this.#status, step, this.now(), error));
    this.log(`${step} failed: ${error.message}`);
    return new OffboardingStepError(step, error, { cause });
  }

  #update(status: OffboardingCustomStatus): void {
    this.#status = status;
    this.#publish();
  }

  #publish(): void {
    this.#context.df.setCustomStatus(fitCustomStatus(this.#status));
  }
}
