import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TENANT_A_ID } from "../../emulator/fixture";
import { EmulatorClient } from "./emulatorClient";

let client: EmulatorClient;

beforeAll(async () => {
  client = await EmulatorClient.start();
});
afterAll(() => client.close());

describe("error envelope", () => {
  it("carries code, message and innerError with the request ids", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", "/servicePrincipals/00000000-0000-0000-0000-000000000009");
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("Request_ResourceNotFound");
    expect(result.body.error.message).toBe(
      "Resource '00000000-0000-0000-0000-000000000009' does not exist or one of its queried " +
        "reference-property objects are not present.",
    );
    expect(result.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(result.body.error.innerError["request-id"]).toBe(result.headers.get("request-id"));
    expect(result.body.error.innerError["client-request-id"]).toBe(result.headers.get("client-request-id"));
  });

  it("echoes the client-request-id header the client sent", async () => {
    const token = await client.token(TENANT_A_ID);
    const clientRequestId = "11111111-2222-3333-4444-555555555555";
    const result = await client.raw("GET", "/v1.0/users", {
      authorization: `Bearer ${token}`,
      "client-request-id": clientRequestId,
    });
    expect(result.headers.get("client-request-id")).toBe(clientRequestId);
    expect(result.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns request ids on success too", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", "/users");
    expect(result.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.headers.get("client-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a malformed JSON body with 400 BadRequest", async () => {
    const token = await client.token(TENANT_A_ID);
    const result = await client.raw(
      "POST",
      "/v1.0/policies/crossTenantAccessPolicy/partners",
      { authorization: `Bearer ${token}`, "content-type": "application/json" },
      "{not json",
    );
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("BadRequest");
  });
});

describe("routing", () => {
  it("answers an unknown segment with 400 naming it", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", "/servicePrincipals/abc/nonsense");
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("BadRequest");
    expect(result.body.error.message).toBe("Resource not found for the segment 'nonsense'.");
  });

  it("answers an unknown top-level segment with 400", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", "/widgets");
    expect(result.body.error.message).toBe("Resource not found for the segment 'widgets'.");
  });

  it("answers an unsupported method on a known path with 405", async () => {
    const result = await client.graph(TENANT_A_ID, "PATCH", "/users");
    expect(result.status).toBe(405);
  });

  it("matches path names without regard to case", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", "/Users");
    expect(result.status).toBe(200);
  });

  it("serves beta like v1.0, with the version in @odata.context", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", "/groups", undefined, "beta");
    expect(result.status).toBe(200);
    expect(result.body["@odata.context"]).toBe(`${client.url}/beta/$metadata#groups`);
  });

  it("answers 404 for paths outside Graph, tokens and the admin API", async () => {
    const result = await client.raw("GET", "/v2.0/users");
    expect(result.status).toBe(404);
  });
});
