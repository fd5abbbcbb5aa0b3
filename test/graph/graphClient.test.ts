import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { GraphSettings } from "../../src/config/settings";
import { buildGraphApi } from "../../src/graph/graphClient";
import { failureOf } from "./graphFailure";
import { answerToken, sendJson, StubGraphServer } from "./stubGraphServer";

const TENANT = "140f6c96-5df3-4992-8dcc-2d8f2c6e7eee";
const SECRET = "stub-client-secret";
const THROTTLED = { error: { code: "Request_ThrottledTemporarily", message: "slow" } };

let stub: StubGraphServer;

function settings(overrides: Partial<GraphSettings> = {}): GraphSettings {
  return {
    mode: "emulator",
    baseUrl: stub.baseUrl,
    apiVersion: "v1.0",
    clientId: "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c",
    clientSecret: SECRET,
    requestTimeoutMs: 2000,
    maxRetries: 2,
    ...overrides,
  };
}

beforeAll(async () => {
  stub = await StubGraphServer.start();
});

afterAll(async () => {
  await stub.close();
});

beforeEach(() => {
  stub.requests.length = 0;
});

describe("buildGraphApi", () => {
  it("sends a client-credentials token request and attaches the token", async () => {
    stub.route = (request, response) => answerToken(request, response) || sendJson(response, 200, { id: "sp-1" });
    const api = buildGraphApi(settings(), TENANT);
    await expect(api.get("/servicePrincipals/sp-1")).resolves.toEqual({ id: "sp-1" });
    const [tokenRequest, graphRequest] = stub.requests;
    expect(tokenRequest?.method).toBe("POST");
    expect(tokenRequest?.url).toBe(`/${TENANT}/oauth2/v2.0/token`);
    const form = new URLSearchParams(tokenRequest?.body);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_secret")).toBe(SECRET);
    expect(form.get("scope")).toBe("https://graph.microsoft.com/.default");
    expect(graphRequest?.url).toBe("/v1.0/servicePrincipals/sp-1");
    expect(graphRequest?.authorization).toBe("Bearer token-1");
  });

  it("reuses the token until it expires", async () => {
    stub.route = (request, response) => answerToken(request, response) || sendJson(response, 200, {});
    const api = buildGraphApi(settings(), TENANT);
    await api.get("/a");
    await api.get("/b");
    expect(stub.requests.filter((r) => r.url.endsWith("/token"))).toHaveLength(1);
  });

  it("renews a token the server rejects", async () => {
    let issued = 0;
    stub.route = (request, response) => {
      if (request.url.endsWith("/oauth2/v2.0/token")) {
        issued += 1;
        sendJson(response, 200, { token_type: "Bearer", access_token: `token-${issued}`, expires_in: 3600 });
      } else if (request.authorization === "Bearer token-1") {
        sendJson(response, 401, { error: { code: "InvalidAuthenticationToken", message: "Token validation failed." } });
      } else {
        sendJson(response, 200, { ok: true });
      }
    };
    await expect(buildGraphApi(settings(), TENANT).post("/x", { a: 1 })).resolves.toEqual({ ok: true });
    expect(issued).toBe(2);
    expect(stub.requests.at(-1)?.body).toBe('{"a":1}');
  });

  it("returns a second 401 as forbidden", async () => {
    stub.route = (request, response) =>
      answerToken(request, response) ||
      sendJson(response, 401, { error: { code: "InvalidAuthenticationToken", message: "Access token is empty." } });
    const error = await failureOf(buildGraphApi(settings(), TENANT).get("/x"));
    expect(error.kind).toBe("forbidden");
    expect(stub.requests.filter((request) => request.url === "/v1.0/x")).toHaveLength(2);
  });

  it("uses the configured API version", async () => {
    stub.route = (request, response) => answerToken(request, response) || sendJson(response, 200, {});
    await buildGraphApi(settings({ apiVersion: "beta" }), TENANT).get("/x");
    expect(stub.requests[1]?.url).toBe("/beta/x");
  });

  it("encodes query values", async () => {
    stub.route = (request, response) => answerToken(request, response) || sendJson(response, 200, { value: [] });
    await buildGraphApi(settings(), TENANT).list("/applications", { $filter: "displayName eq 'A&B #1'" });
    const url = new URL(stub.requests[1]?.url ?? "", stub.baseUrl);
    expect(url.searchParams.get("$filter")).toBe("displayName eq 'A&B #1'");
  });

  it("retries a 429 after its Retry-After", async () => {
    let graphCalls = 0;
    stub.route = (request, response) => {
      if (answerToken(request, response)) return;
      graphCalls += 1;
      if (graphCalls === 1) {
        sendJson(response, 429, THROTTLED, { "retry-after": "1" });
      } else {
        sendJson(response, 201, { id: "created" });
      }
    };
    const started = Date.now();
    await expect(buildGraphApi(settings(), TENANT).post("/things", { a: 1 })).resolves.toEqual({ id: "created" });
    expect(graphCalls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(stub.requests[2]?.body).toBe('{"a":1}');
  });

  it("gives up after maxRetries and reports throttling as transient", async () => {
    stub.route = (request, response) =>
      answerToken(request, response) || sendJson(response, 429, THROTTLED, { "retry-after": "0" });
    const error = await failureOf(buildGraphApi(settings({ maxRetries: 1 }), TENANT).get("/x"));
    expect(error.kind).toBe("transient");
    expect(error.status).toBe(429);
    expect(stub.requests.filter((r) => r.url === "/v1.0/x")).toHaveLength(2);
  });

  it("maps a Graph error envelope", async () => {
    stub.route = (request, response) =>
      answerToken(request, response) ||
      sendJson(response, 409, {
        error: {
          code: "Request_MultipleObjectsWithSameKeyValue",
          message: "exists",
          innerError: { date: "2026-01-01T00:00:00", "request-id": "req-42", "client-request-id": "c-1" },
        },
      });
    const error = await failureOf(buildGraphApi(settings(), TENANT).post("/policies/x/partners", { tenantId: "t" }));
    expect(error.message).toBe(
      "Graph conflict error 409 Request_MultipleObjectsWithSameKeyValue on POST /policies/x/partners: exists " +
        "(request-id req-42)",
    );
  });

  it("times out a slow answer as transient", async () => {
    stub.route = (request, response) => {
      if (!answerToken(request, response)) setTimeout(() => sendJson(response, 200, {}), 1500);
    };
    const error = await failureOf(buildGraphApi(settings({ requestTimeoutMs: 200 }), TENANT).get("/slow"));
    expect(error.kind).toBe("transient");
    expect(error.code).toBe("Timeout");
  });

  it("reports a refused connection as transient", async () => {
    const error = await failureOf(buildGraphApi(settings({ baseUrl: "http://127.0.0.1:1" }), TENANT).get("/x"));
    expect(error.kind).toBe("transient");
    expect(error.code).toBe("NetworkError");
  });

  it("maps a rejected client secret to forbidden without echoing it", async () => {
    stub.route = (_request, response) =>
      sendJson(response, 401, { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret." });
    const error = await failureOf(buildGraphApi(settings(), TENANT).get("/x"));
    expect(error.kind).toBe("forbidden");
    expect(error.code).toBe("invalid_client");
    expect(error.path).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(error.message).not.toContain(SECRET);
  });

  it("follows nextLink across pages", async () => {
    stub.route = (request, response) => {
      if (answerToken(request, response)) return;
      const page = new URL(request.url, stub.baseUrl).searchParams.get("$skiptoken");
      const body =
        page === null
          ? { value: [1, 2], "@odata.nextLink": `${stub.baseUrl}/v1.0/items?$skiptoken=p2` }
          : { value: [3] };
      sendJson(response, 200, body);
    };
    await expect(buildGraphApi(settings(), TENANT).list<number>("/items")).resolves.toEqual([1, 2, 3]);
    expect(stub.requests[2]?.authorization).toBe("Bearer token-1");
  });

  it("rejects a nextLink to another origin", async () => {
    stub.route = (request, response) =>
      answerToken(request, response) ||
      sendJson(response, 200, { value: [1], "@odata.nextLink": "http://127.0.0.2:9/v1.0/items?$skiptoken=p2" });
    const error = await failureOf(buildGraphApi(settings(), TENANT).list("/items"));
    expect(error.code).toBe("InvalidNextLink");
    expect(stub.requests).toHaveLength(2);
  });
});
