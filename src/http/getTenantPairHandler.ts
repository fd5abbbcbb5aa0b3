import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";

import { isGuid } from "../graph/guid";
import type { TenantPairRegistry } from "../registry/tenantPairRegistry";
import { ProblemTypes, problemResponse } from "./problemDetails";
import { invalidTenantIdProblem, registryUnavailableProblem } from "./registryProblems";
import { toSummary } from "./tenantPairSummary";

export interface TenantPairRouteDependencies {
  getRegistry: () => TenantPairRegistry;
}

/** Creates the handler of `GET /api/tenant-pairs/{sourceTenantId}/{targetTenantId}`, which returns one pair's summary. */
export function createGetTenantPairHandler(dependencies: TenantPairRouteDependencies) {
  return async function getTenantPair(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const sourceTenantId = request.params.sourceTenantId ?? "";
    const targetTenantId = request.params.targetTenantId ?? "";
    for (const [name, value] of [
      ["sourceTenantId", sourceTenantId],
      ["targetTenantId", targetTenantId],
    ] as const) {
      if (!isGuid(value)) {
        return problemResponse(invalidTenantIdProblem(name, value));
      }
    }
    let record: Awaited<ReturnType<TenantPairRegistry["get"]>>;
    try {
      record = await dependencies.getRegistry().get(sourceTenantId, targetTenantId);
    } catch (error) {
      const event = `TenantPairReadFailed sourceTenantId=${sourceTenantId} targetTenantId=${targetTenantId}`;
      return problemResponse(registryUnavailableProblem(context, event, error));
    }
    if (record === undefined) {
      return problemResponse({
        type: ProblemTypes.tenantPairNotFound,
        title: "The tenant pair was not found.",
        status: 404,
        detail: `No tenant pair has source ${sourceTenantId} and target ${targetTenantId}; onboard it with POST /api/tenant-pairs.`,
      });
    }
    return {
      status: 200,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
      jsonBody: toSummary(record),
    };
  };
}
