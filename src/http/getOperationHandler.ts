import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";

import { type OperationsClient, errorText, findInstance } from "./durableInstances";
import { isWellFormedInstanceId } from "./operationIds";
import { buildOperationSummary } from "./operationSummary";
import { ProblemTypes, orchestrationStoreUnavailableProblem, problemResponse } from "./problemDetails";

export interface GetOperationDependencies {
  getClient: (context: InvocationContext) => OperationsClient;
}

/** Creates the handler of `GET /api/operations/{instanceId}`, which returns a readable summary of the instance. */
export function createGetOperationHandler(dependencies: GetOperationDependencies) {
  return async function getOperation(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const instanceId = request.params.instanceId ?? "";
    if (!isWellFormedInstanceId(instanceId)) {
      return problemResponse({
        type: ProblemTypes.invalidRequest,
        title: "The operation id is invalid.",
        status: 400,
        detail:
          `'${instanceId.slice(0, 120)}' is not a valid operation id: use 1 to 100 letters, digits, '.', '_', ':' ` +
          "or '-', starting with a letter or digit.",
      });
    }
    let status: Awaited<ReturnType<typeof findInstance>>;
    try {
      status = await findInstance(dependencies.getClient(context), instanceId, { showInput: true });
    } catch (error) {
      context.error(`OperationStatusReadFailed instanceId=${instanceId} ${errorText(error)}`);
      return problemResponse(orchestrationStoreUnavailableProblem(`read operation ${instanceId}`));
    }
    if (status === undefined) {
      return problemResponse({
        type: ProblemTypes.operationNotFound,
        title: "The operation was not found.",
        status: 404,
        detail: `No operation has the id '${instanceId}'.`,
      });
    }
    return {
      status: 200,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
      jsonBody: buildOperationSummary(status),
    };
  };
}
