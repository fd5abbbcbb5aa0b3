import type { OnboardingStepName, StepError } from "../../shared/onboardingStatus";

/**
 * Ends a failed onboarding. Its message names the step, so that the orchestration's failure output says where it
 * stopped; the structured details live in the step record of the custom status, not in the message.
 */
export class OnboardingStepError extends Error {
  override readonly name = "OnboardingStepError";
  readonly step: OnboardingStepName;

  constructor(step: OnboardingStepName, error: StepError, options?: { cause?: unknown }) {
    super(`Onboarding step ${step} failed: ${error.message}`, options);
    this.step = step;
  }
}
