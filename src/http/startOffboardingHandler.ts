import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";

import type { TenantPairRegistry } from "../registry/tenantPairRegistry";
import { OrchestratorNames } from "../shared/activityNames";
import { type OffboardingRequest, offboardingInstanceId } from "../shared/offboardingRequest";
import { onboardingInstanceId } from "../shared/onboardingInstanceId";
import { acceptedResponse } from "./acceptedResponse";
import { type OperationsClient, errorText, findInstance, isActiveRuntimeStatus } from "./durableInstances";
import { validateOffboardingRequest } from "./offboardingRequest";
import { operationStatusUri } from "./operationIds";
import {
  type ProblemDetails,
  ProblemTypes,
  invalidRequestProblem,
  orchestrationStoreUnavailableProblem,
  problemResponse,
} from "./problemDetails";
import { startOrchestrationOnce } from "./startOrchestrationOnce";

export interface StartOffboardingDependencies {
  getClient: (context: InvocationContext) => OperationsClient;
  getRegistry: () => Pick<TenantPairRegistry, "get">;
  /** Copied into each orchestration input, because orchestrators may not read settings. */
  deprovisionTimeoutSeconds: number;
}

/**
 * Creates the handler of `DELETE /api/tenant-pairs/{sourceTenantId}/{targetTenantId}`: validates the request, checks
 * that the pair is registered and that no onboarding or offboarding of it runs, then starts `offboardTenantPair` under
 * an id derived from the pair. Returns 202 with the status URI, or a problem; nothing is started unless it is 202.
 * An `offboarded` pair gets 409, not a second offboarding: its record already lists what was removed, and a new
 * onboarding must come first. A pair left `offboarding` by a failed attempt may be offboarded again, which continues.
 */
export function createStartOffboardingHandler(dependencies: StartOffboardingDependencies) {
  return async function startOffboarding(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const validation = await validateOffboardingRequest(request);
    if (!validation.ok) {
      return problemResponse(invalidRequestProblem(validation.errors));
    }
    const { sourceTenantId, targetTenantId, keepSyncedUsers } = validation.value;
    const pairText = `${sourceTenantId} → ${targetTenantId}`;

    let record;
    try {
      record = await dependencies.getRegistry().get(sourceTenantId, targetTenantId);
    } catch (error) {
      context.error(`TenantPairReadFailed source=${sourceTenantId} target=${targetTenantId} ${errorText(error)}`);
      return problemResponse(registryUnavailableProblem());
    }
    if (record === undefined) {
      return problemResponse({
        type: ProblemTypes.tenantPairNotFound,
        title: "The tenant pair is not registered.",
        status: 404,
        detail: `No tenant pair ${pairText} is registered; onboard it with POST /api/tenant-pairs first.`,
      });
    }
    if (record.state === "offboarded") {
      const problem: ProblemDetails = {
        type: ProblemTypes.tenantPairOffboarded,
        title: "The tenant pair is already offboarded.",
        status: 409,
        detail: `Tenant pair ${pairText} was offboarded; its registry record lists what was removed. Onboard it again before offboarding it.`,
      };
      if (record.lastOffboardingInstanceId !== null) {
        problem.instanceId = record.lastOffboardingInstanceId;
        problem.statusUri = statusUriFor(request, record.lastOffboardingInstanceId);
      }
      return problemResponse(problem);
    }

    const instanceId = offboardingInstanceId(sourceTenantId, targetTenantId);
    const statusUri = statusUriFor(request, instanceId);
    const input: OffboardingRequest = {
      sourceTenantId,
      targetTenantId,
      keepSyncedUsers,
      deprovisionTimeoutSeconds: dependencies.deprovisionTimeoutSeconds,
    };
    try {
      const client = dependencies.getClient(context);
      const onboardingId = onboardingInstanceId(sourceTenantId, targetTenantId);
      const onboarding = await findInstance(client, onboardingId);
      if (onboarding !== undefined && isActiveRuntimeStatus(onboarding.runtimeStatus)) {
        return problemResponse(busyProblem(pairText, onboardingId, statusUriFor(request, onboardingId)));
      }
      const outcome = await startOrchestrationOnce(client, OrchestratorNames.offboardTenantPair, instanceId, input, {
        replaceEnded: true,
      });
      if (outcome === "alreadyExists") {
        return problemResponse(busyProblem(pairText, instanceId, statusUri));
      }
    } catch (error) {
      context.error(`OffboardingStartFailed instanceId=${instanceId} ${errorText(error)}`);
      return problemResponse(orchestrationStoreUnavailableProblem(`start offboarding ${instanceId}`));
    }
    context.log(`OffboardingStarted instanceId=${instanceId} keepSyncedUsers=${keepSyncedUsers}`);
    return acceptedResponse(instanceId, statusUri);
  };
}

/** Builds the status URI of an operation from the request URL `…/tenant-pairs/{source}/{target}`. */
function statusUriFor(request: HttpRequest, instanceId: string): string {
  // operationStatusUri replaces the last path segment (`tenant-pairs`), so the two tenant ids are dropped first.
  const url = new URL(request.url);
  url.pathname = url.pathname.replace(/\/+$/, "").split("/").slice(0, -2).join("/");
  return operationStatusUri(url.toString(), instanceId);
}

function busyProblem(pairText: string, instanceId: string, statusUri: string): ProblemDetails {
  const operation = instanceId.startsWith("onboard-") ? "An onboarding" : "An offboarding";
  return {
    type: ProblemTypes.tenantPairBusy,
    title: "An operation on this tenant pair is running.",
    status: 409,
    detail: `${operation} of tenant pair ${pairText} (${instanceId}) has not ended yet; follow it at ${statusUri} and try again when it has.`,
    instanceId,
    statusUri,
  };
}

function registryUnavailableProblem(): ProblemDetails {
  return {
    type: ProblemTypes.dependencyUnavailable,
    title: "The tenant-pair registry is unavailable.",
    status: 503,
    detail: "Could not read the tenant pair from the registry table; try again later.",
  };
}
