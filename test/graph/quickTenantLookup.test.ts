import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { GraphSettings } from "../../src/config/settings";
import { buildGraphApi } from "../../src/graph/graphClient";
import { parseRetryAfter } from "../../src/graph/graphErrors";
import { resolveTenantQuickly } from "../../src/graph/quickTenantLookup";
import { failureOf } from "./graphFailure";
import { answerToken, sendJson, StubGraphServer } from "./stubGraphServer";

const DOMAIN = "contoso.onmicrosoft.com";
const TENANT_ID = "140f6c96-5df3-4992-8dcc-2d8f2c6e7eee";
const FOUND = { tenantId: TENANT_ID, displayName: "Contoso", defaultDomainName: DOMAIN };
const THROTTLED = { error: { code: "Request_ThrottledTemporarily", message: "slow" } };
const UNAVAILABLE = { error: { code: "ServiceUnavailable", message: "down" } };
const REQUEST_TIMEOUT_MS = 300;

let stub: StubGraphServer;

/** Builds a client the way `createQuickGraphClient` does: no in-client retries and a short timeout. */
function quickClient(tenant: string, requestTimeoutMs = REQUEST_TIMEOUT_MS) {
  const settings: GraphSettings = {
    mode: "emulator",
    baseUrl: stub.baseUrl,
    apiVersion: "v1.0",
    clientId: "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c",
    clientSecret: "stub-client-secret",
    requestTimeoutMs,
    maxRetries: 0,
  };
  return buildGraphApi(settings, tenant);
}

function lookupRequests(): number {
  return stub.requests.filter((request) => request.url.includes("/tenantRelationships/")).length;
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

describe("resolveTenantQuickly", () => {
  it("fails at once on a long Retry-After", async () => {
    stub.route = (request, response) =>
      answerToken(request, response) || sendJson(response, 429, THROTTLED, { "Retry-After": "30" });
    const started = Date.now();

    const error = await failureOf(
      resolveTenantQuickly(DOMAIN, { clientFor: quickClient, requestTimeoutMs: REQUEST_TIMEOUT_MS }),
    );

    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.kind).toBe("transient");
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
    expect(lookupRequests()).toBe(1);
  });

  it("retries once when the wait fits", async () => {
    let failures = 0;
    stub.route = (request, response) => {
      if (answerToken(request, response)) return;
      if (failures < 1) {
        failures += 1;
        sendJson(response, 503, UNAVAILABLE, { "Retry-After": "0" });
        return;
      }
      sendJson(response, 200, FOUND);
    };

    const tenant = await resolveTenantQuickly(DOMAIN, { clientFor: quickClient, requestTimeoutMs: REQUEST_TIMEOUT_MS });

    expect(tenant.tenantId).toBe(TENANT_ID);
    expect(lookupRequests()).toBe(2);
  });

  it("retries no more than once", async () => {
    stub.route = (request, response) =>
      answerToken(request, response) || sendJson(response, 503, UNAVAILABLE, { "Retry-After": "0" });

    const error = await failureOf(
      resolveTenantQuickly(DOMAIN, { clientFor: quickClient, requestTimeoutMs: REQUEST_TIMEOUT_MS }),
    );

    expect(error.status).toBe(503);
    expect(lookupRequests()).toBe(2);
  });

  it("gives up at the deadline", async () => {
    // The server never responds, and the request timeout is longer than the deadline.
    stub.route = () => undefined;
    const slowClient = (tenant: string) => quickClient(tenant, 5000);
    const started = Date.now();

    const error = await failureOf(resolveTenantQuickly(DOMAIN, { clientFor: slowClient, deadlineMs: 500 }));

    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.kind).toBe("transient");
    expect(error.code).toBe("Timeout");
    expect(error.graphMessage).toBe("The tenant lookup did not finish within 500 ms.");
  });
});

describe("parseRetryAfter", () => {
  it("reads whole seconds", () => {
    expect(parseRetryAfter("30", 0)).toBe(30);
  });

  it("turns an HTTP date into seconds from now", () => {
    const now = Date.parse("Fri, 04 Dec 2026 16:00:00 GMT");
    expect(parseRetryAfter("Fri, 04 Dec 2026 16:00:42 GMT", now)).toBe(42);
    expect(parseRetryAfter("Fri, 04 Dec 2026 15:59:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable value", () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
  });
});
