import {
  OffboardingStepNames,
  type OffboardingCustomStatus,
  type OffboardingStepName,
  type OffboardingStepRecord,
} from "../../shared/offboardingStatus";
import type { StepError } from "../../shared/onboardingStatus";
import { shortenStepError, truncateText } from "../onboarding/stepStatus";

/** Creates the status of an offboarding that has not started a step yet: every step pending. */
export function createOffboardingStatus(): OffboardingCustomStatus {
  return { currentStep: null, steps: OffboardingStepNames.map((name) => ({ name, state: "pending", attempts: 0 })) };
}

/** Marks a step running and counts one more activity call. */
export function markOffboardingAttempt(status: OffboardingCustomStatus, name: OffboardingStepName, at: Date) {
  return updateStep(status, name, (step) => {
    const { waitingFor: _waitingFor, ...rest } = step;
    return { ...rest, state: "running", attempts: step.attempts + 1, startedAt: step.startedAt ?? at.toISOString() };
  });
}

export function markOffboardingWaiting(
  status: OffboardingCustomStatus,
  name: OffboardingStepName,
  waitingFor: string,
  at: Date,
): OffboardingCustomStatus {
  return updateStep(status, name, (step) => ({
    ...step,
    state: "waiting",
    startedAt: step.startedAt ?? at.toISOString(),
    waitingFor: truncateText(waitingFor),
  }));
}

/** Ends a step as succeeded or skipped, with a short outcome for people. */
export function markOffboardingEnded(
  status: OffboardingCustomStatus,
  name: OffboardingStepName,
  state: "succeeded" | "skipped",
  at: Date,
  detail: string,
): OffboardingCustomStatus {
  return updateStep(status, name, (step) => {
    const { waitingFor: _waitingFor, ...rest } = step;
    const startedAt = step.startedAt ?? at.toISOString();
    return { ...rest, state, startedAt, endedAt: at.toISOString(), detail: truncateText(detail) };
  });
}

export function markOffboardingFailed(
  status: OffboardingCustomStatus,
  name: OffboardingStepName,
  at: Date,
  error: StepError,
): OffboardingCustomStatus {
  return updateStep(status, name, (step) => {
    const { waitingFor: _waitingFor, ...rest } = step;
    const startedAt = step.startedAt ?? at.toISOString();
    return { ...rest, state: "failed", startedAt, endedAt: at.toISOString(), error: shortenStepError(error) };
  });
}

function updateStep(
  status: OffboardingCustomStatus,
  name: OffboardingStepName,
  change: (step: OffboardingStepRecord) => OffboardingStepRecord,
): OffboardingCustomStatus {
  return {
    ...status,
    currentStep: name,
    steps: status.steps.map((step) => (step.name === name ? change(step) : step)),
  };
}
