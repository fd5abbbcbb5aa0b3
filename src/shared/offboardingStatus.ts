import type { StepError, StepState } from "./onboardingStatus";

/**
 * Custom status of the `offboardTenantPair` orchestration, read back by the status route. It has the shape of the
 * onboarding's custom status, with the offboarding's own steps and the extra state `skipped`.
 */

/** Offboarding steps in the order they run, following Graph's teardown order. */
export const OffboardingStepNames = [
  "markOffboarding",
  "unassignPrincipals",
  "waitForDeprovisioning",
  "removeSyncObjects",
  "removeTenantPolicies",
  "markOffboarded",
] as const;

export type OffboardingStepName = (typeof OffboardingStepNames)[number];

/** `skipped`: the step had nothing to do, e.g. `unassignPrincipals` when the request kept the synced users. */
export type OffboardingStepState = StepState | "skipped";

export interface OffboardingStepRecord {
  name: OffboardingStepName;
  state: OffboardingStepState;
  /** Activity calls made so far, retries and polls included. */
  attempts: number;
  /** ISO 8601 times from the orchestration's replay-safe clock. */
  startedAt?: string;
  endedAt?: string;
  waitingFor?: string;
  /** Short outcome for people, e.g. "removed 2 assignments". */
  detail?: string;
  error?: StepError;
}

export interface OffboardingCustomStatus {
  /** The step running, waiting or failed; the last step once all ended; null before the first starts. */
  currentStep: OffboardingStepName | null;
  steps: OffboardingStepRecord[];
}
