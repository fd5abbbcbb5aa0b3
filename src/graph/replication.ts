import { GraphRequestError, isGraphRequestError } from "./graphRequestError";

/**
 * Awaits a request on an object that this onboarding created or adopted moments earlier, such as a partner
 * configuration or a service principal. Graph replicates new directory objects with a delay, so a 404 then means "not
 * visible yet", not "absent": it is rethrown as a `transient` error, which the orchestrator retries after a durable
 * timer. Graph's status, code and request id are kept; any other failure is rethrown unchanged.
 *
 * NOTE: an object deleted by someone else during the run also gives 404, and reads as replication until the step's
 * transient retries run out.
 */
export async function whileReplicating<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (isGraphRequestError(error) && error.kind === "notFound") {
      const graphMessage = `${error.graphMessage} The object may still be replicating.`;
      throw new GraphRequestError({ ...error.details(), kind: "transient", graphMessage }, { cause: error });
    }
    throw error;
  }
}
