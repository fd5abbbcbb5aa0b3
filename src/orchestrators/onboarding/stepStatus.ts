import {
  OnboardingStepNames,
  type OnboardingCustomStatus,
  type OnboardingStepName,
  type StepError,
  type StepRecord,
} from "../../shared/onboardingStatus";
import { shortenMessage } from "./shortenMessage";

/** Maximum length of a text in a step record, so the custom status stays far below Durable's 16 KB limit. */
export const MAX_STATUS_TEXT_LENGTH = 500;

/** Creates the status of a run that has not started a step yet: every step pending. */
export function createOnboardingStatus(): OnboardingCustomStatus {
  return {
    currentStep: null,
    steps: OnboardingStepNames.map((name) => ({ name, state: "pending", attempts: 0 })),
  };
}

/** Marks a step running and counts one more activity call. The first call sets `startedAt`. */
export function markAttempt(
  status: OnboardingCustomStatus,
  name: OnboardingStepName,
  at: Date,
): OnboardingCustomStatus {
  return updateStep(status, name, (step) => {
    const { waitingFor: _waitingFor, ...rest } = step;
    return { ...rest, state: "running", attempts: step.attempts + 1, startedAt: step.startedAt ?? at.toISOString() };
  });
}

export function markWaiting(
  status: OnboardingCustomStatus,
  name: OnboardingStepName,
  waitingFor: string,
  at: Date,
): OnboardingCustomStatus {
  return updateStep(status, name, (step) => ({
    ...step,
    state: "waiting",
    startedAt: step.startedAt ?? at.toISOString(),
    waitingFor: truncateText(waitingFor),
  }));
}

export function markSucceeded(
  status: OnboardingCustomStatus,
  name: OnboardingStepName,
  at: Date,
  detail?: string,
): OnboardingCustomStatus {
  return updateStep(status, name, (step) => {
    const { waitingFor: _waitingFor, ...rest } = step;
    const record: StepRecord = {
      ...rest,
      state: "succeeded",
      startedAt: step.startedAt ?? at.toISOString(),
      endedAt: at.toISOString(),
    };
    if (detail !== undefined) {
      record.detail = truncateText(detail);
    }
    return record;
  });
}

export function markFailed(
  status: OnboardingCustomStatus,
  name: OnboardingStepName,
  at: Date,
  error: StepError,
): OnboardingCustomStatus {
  return updateStep(status, name, (step) => {
    const { waitingFor: _waitingFor, ...rest } = step;
    return {
      ...rest,
      state: "failed",
      startedAt: step.startedAt ?? at.toISOString(),
      endedAt: at.toISOString(),
      error: shortenStepError(error),
    };
  });
}

/** Copies a step error for a status record, with its message shortened and Graph's code and request id kept whole. */
export function shortenStepError(error: StepError): StepError {
  const stepError: StepError = { message: shortenMessage(error.message, MAX_STATUS_TEXT_LENGTH) };
  if (error.graphCode !== undefined) {
    stepError.graphCode = error.graphCode;
  }
  if (error.requestId !== undefined) {
    stepError.requestId = error.requestId;
  }
  return stepError;
}

export function truncateText(text: string): string {
  const characters = Array.from(text);
  if (characters.length <= MAX_STATUS_TEXT_LENGTH) {
    return text;
  }
  return `${characters.slice(0, MAX_STATUS_TEXT_LENGTH - 1).join("")}…`;
}

/** Returns a copy of `status` with one step replaced and made the current step. */
function updateStep(
  status: OnboardingCustomStatus,
  name: OnboardingStepName,
  change: (step: StepRecord) => StepRecord,
): OnboardingCustomStatus {
  if (!status.steps.some((step) => step.name === name)) {
    throw new Error(`Onboarding status has no step named "${name}".`);
  }
  return {
    ...status,
    currentStep: name,
    steps: status.steps.map((step) => (step.name === name ? change(step) : step)),
  };
}
