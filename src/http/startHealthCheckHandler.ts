import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";

import { toHealthCheckTarget } from "../shared/healthTargets";
import type { TenantPairRecord } from "../registry/tenantPairRecord";
import type { TenantPairRegistry } from "../registry/tenantPairRegistry";
import { OrchestratorNames } from "../shared/activityNames";
import type { CheckTenantPairInput } from "../shared/healthContracts";
import { pairHealthCheckInstanceId } from "../shared/healthInstanceIds";
import { acceptedResponse } from "./acceptedResponse";
import { type OperationsClient, errorText } from "./durableInstances";
import { operationStatusUri } from "./operationIds";
import {
  type ProblemDetails,
  ProblemTypes,
  invalidRequestProblem,
  orchestrationStoreUnavailableProblem,
  problemResponse,
} from "./problemDetails";
import { startOrchestrationOnce } from "./startOrchestrationOnce";
import { isGuid } from "./tenantReference";

export interface StartHealthCheckDependencies {
  getClient: (context: InvocationContext) => OperationsClient;
  getRegistry: () => Pick<TenantPairRegistry, "get">;
  /** Copied into the orchestration input, because orchestrators may not read settings. */
  remediationEnabled: boolean;
}

/**
 * Builds the status URI from the request URL `…/tenant-pairs/{source}/{target}/health-check`: the operations route is
 * a sibling of `tenant-pairs`, so the last three segments are dropped before `operationStatusUri` drops one more.
 */
function statusUriFor(requestUrl: string, instanceId: string): string {
  const url = new URL(requestUrl);
  url.pathname = url.pathname.replace(/\/+$/, "").split("/").slice(0, -3).join("/");
  return operationStatusUri(url.toString(), instanceId);
}

/**
 * Creates the handler of `POST /api/tenant-pairs/{sourceTenantId}/{targetTenantId}/health-check`, which starts
 * `checkTenantPair` for a registered pair now. Returns 202 with the status URI, 400 for ids that are not GUIDs, 404
 * when the pair is not registered, 409 while a check of the pair runs, and 503 when the registry or task hub fails.
 * A pair that is offboarding or offboarded also gets 409, because a verdict on a pair being removed would mislead.
 */
export function createStartHealthCheckHandler(dependencies: StartHealthCheckDependencies) {
  return async function startHealthCheck(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const sourceTenantId = (request.params.sourceTenantId ?? "").toLowerCase();
    const targetTenantId = (request.params.targetTenantId ?? "").toLowerCase();
    const problems = [
      { pointer: "/sourceTenantId", value: sourceTenantId },
      { pointer: "/targetTenantId", value: targetTenantId },
    ]
      .filter((parameter) => !isGuid(parameter.value))
      .map((parameter) => ({ pointer: parameter.pointer, detail: "must be a tenant id (GUID)" }));
    if (problems.length > 0) {
      const detail =
        "The route needs both tenant ids as GUIDs: /tenant-pairs/{sourceTenantId}/{targetTenantId}/health-check.";
      return problemResponse(invalidRequestProblem(problems, detail));
    }

    let record: TenantPairRecord | undefined;
    try {
      record = await dependencies.getRegistry().get(sourceTenantId, targetTenantId);
    } catch (error) {
      context.error(
        `TenantPairRegistryReadFailed source=${sourceTenantId} target=${targetTenantId} ${errorText(error)}`,
      );
      return problemResponse({
        type: ProblemTypes.dependencyUnavailable,
        title: "The tenant-pair registry is unavailable.",
        status: 503,
        detail: "Could not read the tenant pair from the registry; try again later.",
      });
    }
    if (record === undefined) {
      return problemResponse({
        type: ProblemTypes.tenantPairNotFound,
        title: "The tenant pair is not registered.",
        status: 404,
        detail: `No managed tenant pair has source ${sourceTenantId} and target ${targetTenantId}. Onboard it first with POST /api/tenant-pairs.`,
      });
    }

    if (record.state === "offboarding" || record.state === "offboarded") {
      return problemResponse(offboardedPairProblem(record, request.url));
    }

    const instanceId = pairHealthCheckInstanceId(sourceTenantId, targetTenantId);
    const statusUri = statusUriFor(request.url, instanceId);
    const input: CheckTenantPairInput = {
      target: toHealthCheckTarget(record),
      remediationEnabled: dependencies.remediationEnabled,
    };
    try {
      const outcome = await startOrchestrationOnce(
        dependencies.getClient(context),
        OrchestratorNames.checkTenantPair,
        instanceId,
        input,
        { replaceEnded: true },
      );
      if (outcome === "alreadyExists") {
        return problemResponse({
          type: ProblemTypes.healthCheckRunning,
          title: "A health check of this tenant pair is already running.",
          status: 409,
          detail: `Health check ${instanceId} has not ended yet; follow it at ${statusUri}.`,
          instanceId,
          statusUri,
        });
      }
    } catch (error) {
      context.error(`HealthCheckStartFailed instanceId=${instanceId} ${errorText(error)}`);
      return problemResponse(orchestrationStoreUnavailableProblem(`start health check ${instanceId}`));
    }
    context.log(`HealthCheckStarted instanceId=${instanceId}`);
    return acceptedResponse(instanceId, statusUri);
  };
}

/** Builds the 409 problem for a pair that an offboarding is removing or has removed. */
function offboardedPairProblem(record: TenantPairRecord, requestUrl: string): ProblemDetails {
  const pairText = `${record.sourceTenantId} → ${record.targetTenantId}`;
  const offboarded = record.state === "offboarded";
  const problem: ProblemDetails = {
    type: offboarded ? ProblemTypes.tenantPairOffboarded : ProblemTypes.tenantPairBusy,
    title: offboarded ? "The tenant pair is offboarded." : "The tenant pair is being offboarded.",
    status: 409,
    detail: offboarded
      ? `Tenant pair ${pairText} was offboarded, so there is no synchronization to check. Onboard it again first.`
      : `Tenant pair ${pairText} is offboarding; a health check would judge a pair that is being removed. ` +
        "Finish the offboarding with DELETE, or onboard the pair again, before checking it.",
  };
  if (record.lastOffboardingInstanceId !== null) {
    problem.instanceId = record.lastOffboardingInstanceId;
    problem.statusUri = statusUriFor(requestUrl, record.lastOffboardingInstanceId);
  }
  return problem;
}
