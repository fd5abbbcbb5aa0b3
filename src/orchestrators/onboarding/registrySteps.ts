import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { OnboardingResult } from "../../shared/onboardingResult";
import type { RecordOnboardingFailedInput, RegisteredPair } from "../../shared/registryContracts";
import { activityErrorText } from "./activityFailure";
import type { ObjectLedger } from "./objectRecords";
import type { OnboardingRun } from "./onboardingRun";

/*
 * The registry writes of an onboarding. Each has its own step record, so that a registry failure names that step, and
 * each goes through `run.call`, which retries transient storage errors with durable timers.
 */

/** Step `registerPair`: marks the pair `onboarding`. A failure ends the run before any Graph write. */
export function* registerPair(
  run: OnboardingRun,
  instanceId: string,
  pair: RegisteredPair,
): Generator<df.Task, void, unknown> {
  const output = yield* run.call(
    "registerPair",
    ActivityNames.recordOnboardingStarted,
    { instanceId, ...pair },
    "Nothing was changed in either tenant; start the onboarding again.",
  );
  run.succeed("registerPair", `state ${output.state ?? "unknown"}`);
}

/**
 * Step `recordResult` of a completed run: marks the pair `active`. A failure fails the run, although the pair is set
 * up, because the service would otherwise not know the pair. Starting the onboarding again adopts everything and
 * records it.
 */
export function* recordSucceeded(
  run: OnboardingRun,
  instanceId: string,
  result: OnboardingResult,
): Generator<df.Task, void, unknown> {
  const output = yield* run.call(
    "recordResult",
    ActivityNames.recordOnboardingSucceeded,
    { instanceId, result },
    "The pair is set up; start the onboarding again to record it, which adopts everything in place.",
  );
  run.succeed("recordResult", `state ${output.state ?? "unknown"}`);
}

/**
 * Step `recordResult` of a failed run: marks the pair `failed` with the objects the run left in place. `pair` is
 * undefined unless the run registered the pair. A failure here is logged and shown on the step, so the onboarding's
 * own error stays the one thrown.
 */
export function* recordFailed(
  run: OnboardingRun,
  instanceId: string,
  request: OnboardingRequest,
  pair: RegisteredPair | undefined,
  remaining: ObjectLedger,
): Generator<df.Task, void, unknown> {
  const input: RecordOnboardingFailedInput = {
    instanceId,
    sourceTenantId: request.sourceTenantId,
    targetTenantId: request.targetTenantId,
  };
  if (pair !== undefined) {
    input.pair = pair;
  }
  if (remaining.source.length + remaining.target.length > 0) {
    input.objects = { source: [...remaining.source], target: [...remaining.target] };
  }
  const failedStep = run.status.currentStep;
  try {
    const output = yield* run.call("recordResult", ActivityNames.recordOnboardingFailed, input);
    run.succeed("recordResult", output.state === null ? "the pair has no registry record" : `state ${output.state}`);
  } catch (error) {
    run.log(`recording the failure in the tenant-pair registry failed: ${activityErrorText(error)}`);
  }
  // The custom status keeps pointing at the step that failed the run.
  run.restoreCurrentStep(failedStep);
}
