import * as df from "durable-functions";

import { OrchestratorNames } from "../shared/activityNames";
import { defaultConfigurationName } from "../shared/configurationName";
import type { OnboardingResult } from "../shared/onboardingResult";
import type { RegisteredPair } from "../shared/registryContracts";
import { buildOnboardingResult, createObjectLedger } from "./onboarding/objectRecords";
import { readOnboardingRequest } from "./onboarding/onboardingInput";
import { OnboardingRun } from "./onboarding/onboardingRun";
import { recordFailed, recordSucceeded, registerPair } from "./onboarding/registrySteps";
import { rollBack } from "./onboarding/rollback";
import { verifyScopePrincipals } from "./onboarding/scopeSteps";
import { snapshotTenantPair } from "./onboarding/snapshotStep";
import { prepareSyncApplication } from "./onboarding/syncApplicationSteps";
import { runSyncJob } from "./onboarding/syncJobSteps";
import { configureTenantPolicies, resolveTenants } from "./onboarding/tenantPolicySteps";

/**
 * Onboards a source → target tenant pair for cross-tenant synchronization, one activity per Graph step. Every step
 * adopts what a previous run left in place, so a failed onboarding can be started again for the same pair.
 *
 * When a step fails for good, the run undoes what it created or changed (see `rollBack`) unless the request set
 * `rollbackOnFailure: false`, then fails with an `OnboardingStepError` naming the step. The custom status then
 * contains that step's Graph code and request id, and the rollback's outcome.
 */
export function* onboardTenantPair(context: df.OrchestrationContext): Generator<df.Task, OnboardingResult, unknown> {
  const request = readOnboardingRequest(context.df.getInput());
  const run = new OnboardingRun(context);
  const ledger = createObjectLedger();
  run.log(`started for source ${request.sourceTenantId} and target ${request.targetTenantId}`);

  const instanceId = context.df.instanceId;
  let result: OnboardingResult;
  // Set once the pair is registered: from then on the failure record is created again if the registry lost it.
  let registered: RegisteredPair | undefined;
  // A run that fails before it tries to register the pair changed nothing, so it leaves the registry alone.
  let registering = false;
  try {
    const tenants = yield* resolveTenants(run, request);
    yield* verifyScopePrincipals(run, request);
    const configurationName = request.configurationName ?? defaultConfigurationName(tenants.target);
    // Read before any write, so that the ledger's created/adopted survives a step running again after a crash.
    const before = yield* snapshotTenantPair(run, request, configurationName);
    const pair = { source: tenants.source, target: tenants.target, configurationName };
    registering = true;
    yield* registerPair(run, instanceId, pair);
    registered = pair;
    yield* configureTenantPolicies(run, request, configurationName, ledger, before);
    const application = yield* prepareSyncApplication(run, request, configurationName, ledger, before);
    const firstCycle = yield* runSyncJob(run, request, application, ledger, before);

    result = buildOnboardingResult(tenants, configurationName, ledger, firstCycle);
    run.log(`completed; first cycle ${firstCycle.outcome}`);
  } catch (error) {
    // The failed step's record keeps the Graph error; the rollback's outcome goes next to it in the custom status.
    const rollback = yield* rollBack(run, request, ledger);
    if (registering) {
      yield* recordFailed(run, instanceId, request, registered, rollback.remaining);
    } else {
      run.log("failed before registering the pair, so the tenant-pair registry is left unchanged");
    }
    throw error;
  }
  // Outside the try block: a failure to record success must not roll back a pair that is set up.
  yield* recordSucceeded(run, instanceId, result);
  return result;
}

df.app.orchestration(OrchestratorNames.onboardTenantPair, onboardTenantPair);
