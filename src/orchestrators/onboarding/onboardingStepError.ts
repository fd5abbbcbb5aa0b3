import type { OnboardingStepName, StepError } from "../../shared/onboardingStatus";

/**
 * Error that ends a failed onboarding. Its message names the step, so the orchestration's failure output shows where
 * it stopped. The structured details are in the step record of the custom status, not in the message.
 */
export class OnboardingStepError extends Error {
  override readonly name = "OnboardingStepError";
  readonly step: OnboardingStepName;

  constructor(step: OnboardingStepName, error: StepError, options?: { cause?: unknown }) {
    super(`Onboarding step ${step} failed: ${error.message}`, options);
    this.step = step;
  }
}
