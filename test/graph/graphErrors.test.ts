import { GraphClientError, GraphError } from "@microsoft/microsoft-graph-client";
import { describe, expect, it } from "vitest";

import { kindForStatus, kindForTokenStatus, toGraphRequestError } from "../../src/graph/graphErrors";
import { GraphRequestError } from "../../src/graph/graphRequestError";

const REQUEST = { method: "GET", path: "/servicePrincipals/abc" };

function graphError(status: number, code: string | null, message: string, requestId: string | null = null): GraphError {
  const error = new GraphError(status, message);
  error.code = code;
  error.requestId = requestId;
  return error;
}

describe("kindForStatus", () => {
  it.each([
    [429, "transient"],
    [500, "transient"],
    [502, "transient"],
    [503, "transient"],
    [504, "transient"],
    [409, "conflict"],
    [404, "notFound"],
    [401, "forbidden"],
    [403, "forbidden"],
    [400, "invalid"],
    [412, "invalid"],
    [501, "unknown"],
    [302, "unknown"],
    [undefined, "unknown"],
  ] as const)("maps %s to %s", (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });

  it("treats rejected client credentials as forbidden", () => {
    expect(kindForTokenStatus(400)).toBe("forbidden");
    expect(kindForTokenStatus(401)).toBe("forbidden");
    expect(kindForTokenStatus(503)).toBe("transient");
  });
});

describe("toGraphRequestError", () => {
  it("keeps Graph's code, message and request id", () => {
    const cause = graphError(404, "Request_ResourceNotFound", "Resource 'abc' does not exist.", "req-1");
    const error = toGraphRequestError(cause, REQUEST);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error.kind).toBe("notFound");
    expect(error.status).toBe(404);
    expect(error.code).toBe("Request_ResourceNotFound");
    expect(error.requestId).toBe("req-1");
    expect(error.graphMessage).toBe("Resource 'abc' does not exist.");
    expect(error.method).toBe("GET");
    expect(error.path).toBe("/servicePrincipals/abc");
    expect(error.cause).toBe(cause);
  });

  it("reads the request id from the response header", () => {
    const cause = graphError(503, "ServiceUnavailable", "Try later");
    cause.headers = new Headers({ "request-id": "from-header" });
    expect(toGraphRequestError(cause, REQUEST).requestId).toBe("from-header");
  });

  it("maps a timeout to transient", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const error = toGraphRequestError(timeout, REQUEST);
    expect(error.kind).toBe("transient");
    expect(error.code).toBe("Timeout");
    expect(error.status).toBeUndefined();
  });

  it("maps a refused connection to transient", () => {
    const socketError = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const error = toGraphRequestError(new TypeError("fetch failed", { cause: socketError }), REQUEST);
    expect(error.kind).toBe("transient");
    expect(error.code).toBe("NetworkError");
    expect(error.graphMessage).toContain("ECONNREFUSED");
  });

  it("unwraps failures passed through the client's middleware", () => {
    const wrapped = new GraphClientError("wrapped");
    wrapped.customError = new DOMException("aborted", "TimeoutError");
    expect(toGraphRequestError(wrapped, REQUEST).code).toBe("Timeout");
  });

  it("maps an identity AuthenticationError by its status", () => {
    const identityError = Object.assign(new Error("AADSTS7000215: Invalid client secret provided."), {
      name: "AuthenticationError",
      statusCode: 401,
      errorResponse: { error: "invalid_client" },
    });
    const error = toGraphRequestError(identityError, REQUEST);
    expect(error.kind).toBe("forbidden");
    expect(error.code).toBe("invalid_client");
  });

  it("returns a GraphRequestError unchanged", () => {
    const original = new GraphRequestError({ kind: "invalid", code: "X", method: "GET", path: "/", graphMessage: "m" });
    expect(toGraphRequestError(original, REQUEST)).toBe(original);
  });

  it("maps anything else to unknown", () => {
    const error = toGraphRequestError(new RangeError("odd"), REQUEST);
    expect(error.kind).toBe("unknown");
    expect(error.code).toBe("RangeError");
  });
});
