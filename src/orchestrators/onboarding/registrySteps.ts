import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { ResolveTenantsOutput } from "../../shared/onboardingContracts";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { OnboardingResult } from "../../shared/onboardingResult";
import { activityErrorText } from "./activityFailure";
import type { OnboardingRun } from "./onboardingRun";

/** Marks the pair `onboarding` in the registry. A failure ends the run before any Graph write. */
export function* recordStarted(
  run: OnboardingRun,
  instanceId: string,
  tenants: ResolveTenantsOutput,
  configurationName: string,
): Generator<df.Task, void, unknown> {
  try {
    yield run.callActivity(ActivityNames.recordOnboardingStarted, {
      instanceId,
      source: tenants.source,
      target: tenants.target,
      configurationName,
    });
  } catch (error) {
    throw new Error(
      `Recording the pair in the tenant-pair registry failed before any change: ${activityErrorText(error)} ` +
        "Start the onboarding again.",
      { cause: error },
    );
  }
}

/**
 * Marks the pair `active` in the registry. A failure fails the run, although the pair is set up, because the service
 * would otherwise not know the pair. Starting the onboarding again adopts everything and records it.
 */
export function* recordSucceeded(
  run: OnboardingRun,
  instanceId: string,
  result: OnboardingResult,
): Generator<df.Task, void, unknown> {
  try {
    yield run.callActivity(ActivityNames.recordOnboardingSucceeded, { instanceId, result });
  } catch (error) {
    throw new Error(
      `The pair is set up, but recording it as active in the tenant-pair registry failed: ${activityErrorText(error)} ` +
        "Start the onboarding again to record it; it adopts everything in place.",
      { cause: error },
    );
  }
}

/** Marks the pair `failed` in the registry. A failure here is logged, so the onboarding's own error stays the one thrown. */
export function* recordFailed(
  run: OnboardingRun,
  instanceId: string,
  request: OnboardingRequest,
): Generator<df.Task, void, unknown> {
  try {
    yield run.callActivity(ActivityNames.recordOnboardingFailed, {
      instanceId,
      sourceTenantId: request.sourceTenantId,
      targetTenantId: request.targetTenantId,
    });
  } catch (error) {
    run.log(`recording the failure in the tenant-pair registry failed: ${activityErrorText(error)}`);
  }
}
