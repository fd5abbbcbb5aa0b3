import { describe, expect, it } from "vitest";

import { GraphRequestError } from "../../src/graph/graphRequestError";
import { whileReplicating } from "../../src/graph/replication";
import { describeActivityFailure } from "../../src/orchestrators/onboarding/activityFailure";

function graphError(kind: GraphRequestError["kind"], status: number, code: string): GraphRequestError {
  return new GraphRequestError({
    kind,
    status,
    code,
    requestId: "0f0e0d0c-0000-4000-8000-000000000001",
    method: "GET",
    path: "/policies/crossTenantAccessPolicy/partners/x",
    graphMessage: "Resource 'x' does not exist.",
  });
}

describe("whileReplicating", () => {
  it("returns the result of a request that succeeds", async () => {
    await expect(whileReplicating(Promise.resolve(42))).resolves.toBe(42);
  });

  it("turns a 404 into a transient error that keeps Graph's fields", async () => {
    const error = await whileReplicating(Promise.reject(graphError("notFound", 404, "Request_ResourceNotFound"))).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GraphRequestError);
    const transient = error as GraphRequestError;
    expect(transient.kind).toBe("transient");
    expect(transient.status).toBe(404);
    expect(transient.code).toBe("Request_ResourceNotFound");
    expect(transient.requestId).toBe("0f0e0d0c-0000-4000-8000-000000000001");
    expect(transient.graphMessage).toContain("may still be replicating");
  });

  it("makes the orchestrator retry a 404", async () => {
    const error = await whileReplicating(Promise.reject(graphError("notFound", 404, "Request_ResourceNotFound"))).catch(
      (caught: unknown) => caught,
    );
    const failure = describeActivityFailure(new Error((error as Error).message));
    expect(failure.transient).toBe(true);
    expect(failure.graphCode).toBe("Request_ResourceNotFound");
  });

  it("rethrows other failures unchanged", async () => {
    const forbidden = graphError("forbidden", 403, "Authorization_RequestDenied");
    await expect(whileReplicating(Promise.reject(forbidden))).rejects.toBe(forbidden);
    const plain = new TypeError("not a Graph error");
    await expect(whileReplicating(Promise.reject(plain))).rejects.toBe(plain);
  });
});
