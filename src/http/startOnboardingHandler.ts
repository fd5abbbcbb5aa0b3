import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";

import type { TenantPairRegistry } from "../registry/tenantPairRegistry";
import { OrchestratorNames } from "../shared/activityNames";
import { offboardingInstanceId } from "../shared/offboardingRequest";
import { onboardingInstanceId } from "../shared/onboardingInstanceId";
import type { OnboardingRequest, OnboardingWaits } from "../shared/onboardingRequest";
import { acceptedResponse } from "./acceptedResponse";
import { type OperationsClient, errorText, findInstance, isActiveRuntimeStatus } from "./durableInstances";
import { readJsonObjectBody } from "./jsonBody";
import { operationStatusUri } from "./operationIds";
import {
  type ProblemDetails,
  ProblemTypes,
  invalidRequestProblem,
  orchestrationStoreUnavailableProblem,
  problemResponse,
} from "./problemDetails";
import { configurationNameForPair } from "./configurationNameForPair";
import { REGISTRY_RETRY_AFTER_SECONDS, registryUnavailableProblem } from "./registryProblems";
import { startOrchestrationOnce } from "./startOrchestrationOnce";
import { type ResolveTenant, resolveTenantPair } from "./tenantResolution";
import { validateTenantPairRequest } from "./tenantPairRequest";

export interface StartOnboardingDependencies {
  getClient: (context: InvocationContext) => OperationsClient;
  resolveTenant: ResolveTenant;
  /** Registry whose record of the pair is read before anything starts, so that an outage gets 503, not a failed run. */
  getRegistry: () => Pick<TenantPairRegistry, "get">;
  /** Copied into each orchestration input, because orchestrators may not read settings. */
  waits: OnboardingWaits;
}

/**
 * Creates the handler of `POST /api/tenant-pairs`: validates the body, resolves both tenants, and starts the pair's
 * onboarding under an id derived from the two tenant ids. Returns 202 with the status URI, or a problem. Nothing is
 * started unless the status is 202; an unreadable tenant-pair registry gets 503 with `Retry-After`, because the
 * onboarding writes the registry before its first Graph change and would fail there.
 */
export function createStartOnboardingHandler(dependencies: StartOnboardingDependencies) {
  return async function startOnboarding(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const body = await readJsonObjectBody(request);
    if (!body.ok) {
      return problemResponse(invalidRequestProblem([body.problem]));
    }
    const validation = validateTenantPairRequest(body.value);
    if (!validation.ok) {
      return problemResponse(invalidRequestProblem(validation.errors));
    }
    const { source, target, configurationName, scope, rollbackOnFailure } = validation.value;

    const tenants = await resolveTenantPair(dependencies.resolveTenant, source, target);
    if (!tenants.ok) {
      context.warn(`TenantLookupFailed status=${tenants.problem.status} ${errorText(tenants.cause)}`);
      return problemResponse(tenants.problem, tenants.headers);
    }
    const sourceTenantId = tenants.source.tenantId.toLowerCase();
    const targetTenantId = tenants.target.tenantId.toLowerCase();
    if (sourceTenantId === targetTenantId) {
      const detail = `Source '${source}' and target '${target}' are both the tenant ${sourceTenantId}.`;
      return problemResponse(
        invalidRequestProblem([{ pointer: "/target", detail: "names the same tenant as source" }], detail),
      );
    }

    let record: Awaited<ReturnType<TenantPairRegistry["get"]>>;
    try {
      record = await dependencies.getRegistry().get(sourceTenantId, targetTenantId);
    } catch (error) {
      const event = `TenantPairReadFailed sourceTenantId=${sourceTenantId} targetTenantId=${targetTenantId}`;
      return problemResponse(registryUnavailableProblem(context, event, error), {
        "Retry-After": String(REGISTRY_RETRY_AFTER_SECONDS),
      });
    }

    const name = configurationNameForPair(configurationName, record);
    if (!name.ok) {
      return problemResponse(name.problem);
    }

    const instanceId = onboardingInstanceId(sourceTenantId, targetTenantId);
    const statusUri = operationStatusUri(request.url, instanceId);
    const input: OnboardingRequest = {
      source,
      target,
      sourceTenantId,
      targetTenantId,
      scope,
      rollbackOnFailure,
      waits: dependencies.waits,
    };
    if (name.name !== undefined) {
      input.configurationName = name.name;
    }
    try {
      const client = dependencies.getClient(context);
      // NOTE: an offboarding started between this check and the start below is not caught. The offboarding starter
      // makes the same check the other way round, so only two requests within milliseconds of each other can race.
      const offboardingId = offboardingInstanceId(sourceTenantId, targetTenantId);
      const offboarding = await findInstance(client, offboardingId);
      if (offboarding !== undefined && isActiveRuntimeStatus(offboarding.runtimeStatus)) {
        return problemResponse(
          offboardingRunningProblem(offboardingId, operationStatusUri(request.url, offboardingId)),
        );
      }
      const outcome = await startOrchestrationOnce(client, OrchestratorNames.onboardTenantPair, instanceId, input, {
        replaceEnded: true,
      });
      if (outcome === "alreadyExists") {
        return problemResponse(alreadyRunningProblem(instanceId, statusUri));
      }
    } catch (error) {
      context.error(`OnboardingStartFailed instanceId=${instanceId} ${errorText(error)}`);
      return problemResponse(orchestrationStoreUnavailableProblem(`start onboarding ${instanceId}`));
    }
    context.log(`OnboardingStarted instanceId=${instanceId}`);
    return acceptedResponse(instanceId, statusUri);
  };
}

function alreadyRunningProblem(instanceId: string, statusUri: string): ProblemDetails {
  return {
    type: ProblemTypes.onboardingRunning,
    title: "An onboarding of this tenant pair is already running.",
    status: 409,
    detail: `Onboarding ${instanceId} of this tenant pair has not ended yet; follow it at ${statusUri}.`,
    instanceId,
    statusUri,
  };
}

function offboardingRunningProblem(instanceId: string, statusUri: string): ProblemDetails {
  return {
    type: ProblemTypes.tenantPairBusy,
    title: "An offboarding of this tenant pair is running.",
    status: 409,
    detail: `Offboarding ${instanceId} of this tenant pair has not ended yet; follow it at ${statusUri} and onboard the pair again when it has.`,
    instanceId,
    statusUri,
  };
}
