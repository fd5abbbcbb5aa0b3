import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { formatGraphError, parseGraphErrorText } from "../../src/graph/graphErrorText";
import { GRAPH_ERROR_KINDS, GraphRequestError, type GraphRequestErrorDetails } from "../../src/graph/graphRequestError";

const DETAILS: GraphRequestErrorDetails = {
  kind: "conflict",
  status: 409,
  code: "Request_MultipleObjectsWithSameKeyValue",
  requestId: "0b7f2c1e-1111-4222-8333-444455556666",
  method: "POST",
  path: "/policies/crossTenantAccessPolicy/partners",
  graphMessage: "Another object with the same value\nfor property tenantId already exists.",
};

describe("formatGraphError", () => {
  it("writes the one-line format", () => {
    expect(formatGraphError(DETAILS)).toBe(
      "Graph conflict error 409 Request_MultipleObjectsWithSameKeyValue " +
        "on POST /policies/crossTenantAccessPolicy/partners: " +
        "Another object with the same value for property tenantId already exists. " +
        "(request-id 0b7f2c1e-1111-4222-8333-444455556666)",
    );
  });

  it("drops the query string and writes missing parts as -", () => {
    const text = formatGraphError({
      kind: "transient",
      code: "Timeout",
      method: "get",
      path: "/applications?$filter=displayName eq 'x'",
      graphMessage: "The request timed out.",
    });
    expect(text).toBe("Graph transient error - Timeout on GET /applications: The request timed out.");
  });

  it("leaves out the request id part when there is none", () => {
    const text = formatGraphError({
      kind: "transient",
      code: "ServicePrincipalNotVisible",
      method: "GET",
      path: "/servicePrincipals",
      graphMessage: "Application app-1 (appId appid-1) has no service principal visible yet.",
    });
    expect(text).not.toContain("request-id");
    expect(text.endsWith("has no service principal visible yet.")).toBe(true);
  });

  it("redacts bearer tokens, JWTs and secrets", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijk";
    const text = formatGraphError({
      ...DETAILS,
      graphMessage: `Header Bearer abc.def.ghi was sent; token ${jwt}; body client_secret=hunter2&x=1`,
    });
    expect(text).not.toContain("abc.def.ghi");
    expect(text).not.toContain(jwt);
    expect(text).not.toContain("hunter2");
    expect(text).toContain("[redacted]");
  });

  it("shortens very long messages", () => {
    const text = formatGraphError({ ...DETAILS, graphMessage: "x".repeat(5000) });
    expect(text.length).toBeLessThan(700);
  });
});

describe("parseGraphErrorText", () => {
  it("reads back every field", () => {
    expect(parseGraphErrorText(formatGraphError(DETAILS))).toEqual({
      kind: "conflict",
      status: 409,
      code: "Request_MultipleObjectsWithSameKeyValue",
      requestId: "0b7f2c1e-1111-4222-8333-444455556666",
      method: "POST",
      path: "/policies/crossTenantAccessPolicy/partners",
      graphMessage: "Another object with the same value for property tenantId already exists.",
    });
  });

  it("finds the line inside a Durable failure reason", () => {
    const reason = `Activity function 'ensureTargetPartner' failed: ${new GraphRequestError(DETAILS).message}`;
    expect(parseGraphErrorText(reason)?.kind).toBe("conflict");
    expect(parseGraphErrorText(reason)?.requestId).toBe(DETAILS.requestId);
  });

  it("reads a line without a request id inside a longer reason", () => {
    const line = formatGraphError({
      kind: "transient",
      code: "ServicePrincipalNotVisible",
      method: "GET",
      path: "/servicePrincipals",
      graphMessage: "Application app-1 has no service principal visible yet.",
    });
    const parsed = parseGraphErrorText(`Activity function 'createSyncApplication' failed: ${line}\n    at stack`);
    expect(parsed).toEqual({
      kind: "transient",
      code: "ServicePrincipalNotVisible",
      method: "GET",
      path: "/servicePrincipals",
      graphMessage: "Application app-1 has no service principal visible yet.",
    });
  });

  it("leaves out fields written as -", () => {
    const parsed = parseGraphErrorText(
      formatGraphError({ kind: "transient", code: "", method: "GET", path: "/x", graphMessage: "timed out" }),
    );
    expect(parsed).toEqual({ kind: "transient", method: "GET", path: "/x", graphMessage: "timed out" });
  });

  it("returns undefined for other text", () => {
    expect(parseGraphErrorText("Source and target are the same tenant.")).toBeUndefined();
    expect(parseGraphErrorText("Graph odd error 409 X on GET /x: y (request-id z)")).toBeUndefined();
  });

  it("round-trips any error", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...GRAPH_ERROR_KINDS),
        fc.option(fc.integer({ min: 400, max: 599 }), { nil: undefined }),
        word,
        fc.option(word, { nil: undefined }),
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
        fc.string({ minLength: 1, maxLength: 200 }),
        (kind, status, code, requestId, method, message) => {
          const path = "/servicePrincipals/1";
          const details: GraphRequestErrorDetails = { kind, code, method, path, graphMessage: message };
          if (status !== undefined) details.status = status;
          if (requestId !== undefined) details.requestId = requestId;
          const parsed = parseGraphErrorText(formatGraphError(details));
          expect(parsed?.kind).toBe(kind);
          expect(parsed?.status).toBe(status);
          expect(parsed?.code).toBe(code === "-" ? undefined : code);
          expect(parsed?.requestId).toBe(requestId === "-" ? undefined : requestId);
          expect(parsed?.method).toBe(method);
        },
      ),
    );
  });
});

describe("GraphRequestError", () => {
  it("is a named error whose message is the formatted line", () => {
    const cause = new Error("inner");
    const error = new GraphRequestError(DETAILS, { cause });
    expect(error.name).toBe("GraphRequestError");
    expect(error.message).toBe(formatGraphError(DETAILS));
    expect(error.cause).toBe(cause);
  });

  it("adds context to the Graph message", () => {
    const error = new GraphRequestError(DETAILS).withContext("User 123 could not be assigned");
    expect(error.graphMessage).toMatch(/^User 123 could not be assigned: Another object/);
    expect(error.code).toBe(DETAILS.code);
    expect(parseGraphErrorText(error.message)?.kind).toBe("conflict");
  });
});
