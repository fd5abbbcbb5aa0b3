import { HttpRequest, type HttpResponseInit, InvocationContext } from "@azure/functions";
import { beforeEach, describe, expect, it } from "vitest";

import { GraphRequestError } from "../../src/graph/graphRequestError";
import { TenantNotFoundError } from "../../src/graph/tenantLookup";
import { createStartOnboardingHandler } from "../../src/http/startOnboardingHandler";
import { DEFAULT_RETRY_AFTER_SECONDS } from "../../src/http/tenantResolution";
import type { TenantInfo } from "../../src/shared/onboardingContracts";
import { FakeDurableClient } from "./support/fakeDurableClient";

const SOURCE_ID = "11111111-1111-4111-8111-111111111111";
const TARGET_ID = "22222222-2222-4222-8222-222222222222";
const USER = "33333333-3333-4333-8333-333333333333";
const INSTANCE_ID = `onboard-${SOURCE_ID}-${TARGET_ID}`;
const STATUS_URI = `http://127.0.0.1:7071/api/operations/${INSTANCE_ID}`;
const WAITS = { replicationTimeoutSeconds: 600, policyPropagationTimeoutSeconds: 900, firstCycleTimeoutSeconds: 1200 };

const tenants: Record<string, TenantInfo> = {
  "contoso.onmicrosoft.com": {
    tenantId: SOURCE_ID,
    displayName: "Contoso",
    defaultDomainName: "contoso.onmicrosoft.com",
  },
  [SOURCE_ID]: { tenantId: SOURCE_ID, displayName: "Contoso", defaultDomainName: "contoso.onmicrosoft.com" },
  "fabrikam.onmicrosoft.com": {
    tenantId: TARGET_ID.toUpperCase(),
    displayName: "Fabrikam",
    defaultDomainName: "fabrikam.onmicrosoft.com",
  },
  "contoso.com": { tenantId: SOURCE_ID, displayName: "Contoso", defaultDomainName: "contoso.onmicrosoft.com" },
};

let client: FakeDurableClient;
let lookupError: Error | undefined;
let registryError: Error | undefined;
const registryReads: string[] = [];
let registeredPair: { state: "active"; applicationId: string; configurationName: string } | undefined;

const registry = {
  get: async (source: string, target: string) => {
    registryReads.push(`${source}|${target}`);
    if (registryError !== undefined) {
      throw registryError;
    }
    return registeredPair as never;
  },
};

async function resolveTenant(nameOrId: string): Promise<TenantInfo> {
  if (lookupError !== undefined) {
    throw lookupError;
  }
  const tenant = tenants[nameOrId];
  if (tenant === undefined) {
    throw new TenantNotFoundError(nameOrId);
  }
  return tenant;
}

const handler = () =>
  createStartOnboardingHandler({ getClient: () => client, resolveTenant, getRegistry: () => registry, waits: WAITS });

function post(body: unknown): HttpRequest {
  return new HttpRequest({
    method: "POST",
    url: "http://127.0.0.1:7071/api/tenant-pairs?code=function-key",
    body: { string: JSON.stringify(body) },
    headers: { "content-type": "application/json" },
  });
}

async function send(body: unknown): Promise<{ response: HttpResponseInit; json: Record<string, unknown> }> {
  const context = new InvocationContext({ logHandler: () => undefined });
  const response = await handler()(post(body), context);
  const json = (response.jsonBody ?? JSON.parse(response.body as string)) as Record<string, unknown>;
  return { response, json };
}

function header(response: HttpResponseInit, name: string): string | undefined {
  return (response.headers as Record<string, string>)[name];
}

const validBody = { source: "contoso.onmicrosoft.com", target: "fabrikam.onmicrosoft.com", scope: { users: [USER] } };

beforeEach(() => {
  client = new FakeDurableClient();
  lookupError = undefined;
  registryError = undefined;
  registryReads.length = 0;
  registeredPair = undefined;
});

describe("POST /api/tenant-pairs", () => {
  it("starts the onboarding and returns 202 with the status URI", async () => {
    const { response, json } = await send({ ...validBody, configurationName: "HR sync" });

    expect(response.status).toBe(202);
    expect(json).toEqual({ id: INSTANCE_ID, statusUri: STATUS_URI });
    expect(header(response, "Location")).toBe(STATUS_URI);
    expect(client.started).toHaveLength(1);
    expect(client.started[0]?.name).toBe("onboardTenantPair");
    expect(client.started[0]?.options).toEqual({
      instanceId: INSTANCE_ID,
      input: {
        source: "contoso.onmicrosoft.com",
        target: "fabrikam.onmicrosoft.com",
        sourceTenantId: SOURCE_ID,
        targetTenantId: TARGET_ID,
        configurationName: "HR sync",
        scope: { users: [USER], groups: [] },
        rollbackOnFailure: true,
        waits: WAITS,
      },
    });
  });

  it("never returns Durable management URLs or the function key", async () => {
    const { response } = await send(validBody);
    const text = JSON.stringify(response);
    expect(text).not.toContain("runtime/webhooks");
    expect(text).not.toContain("function-key");
  });

  it("returns 400 with every problem and starts nothing", async () => {
    const { response, json } = await send({ source: "x", target: "x", scope: {}, more: 1 });

    expect(response.status).toBe(400);
    expect(header(response, "Content-Type")).toBe("application/problem+json");
    expect((json.errors as { pointer: string }[]).map((error) => error.pointer)).toEqual([
      "/more",
      "/scope",
      "/source",
      "/target",
      "/target",
    ]);
    expect(client.started).toHaveLength(0);
  });

  it("returns 400 when two names resolve to one tenant", async () => {
    const { response, json } = await send({ ...validBody, target: SOURCE_ID });

    expect(response.status).toBe(400);
    expect(json.errors).toEqual([{ pointer: "/target", detail: "names the same tenant as source" }]);
    expect(client.started).toHaveLength(0);
  });

  it("looks domain names up in lower case", async () => {
    const { response, json } = await send({ ...validBody, target: "FABRIKAM.onmicrosoft.com" });

    expect(response.status).toBe(202);
    expect(json.id).toBe(INSTANCE_ID);
    expect((client.started[0]?.options?.input as { target: string }).target).toBe("FABRIKAM.onmicrosoft.com");
  });

  it("returns 422 naming each unknown tenant", async () => {
    const { response, json } = await send({ ...validBody, source: "nowhere.example", target: "neither.example" });

    expect(response.status).toBe(422);
    expect(json.detail).toContain("'nowhere.example' and 'neither.example'");
    expect((json.errors as { pointer: string }[]).map((error) => error.pointer)).toEqual(["/source", "/target"]);
    expect(client.started).toHaveLength(0);
  });

  it("returns 503 when Graph is unavailable", async () => {
    lookupError = new GraphRequestError({
      kind: "transient",
      status: 503,
      code: "ServiceUnavailable",
      method: "GET",
      path: "/tenantRelationships/x",
      graphMessage: "try later",
    });
    const { response, json } = await send(validBody);

    expect(response.status).toBe(503);
    expect(json.detail).toContain("ServiceUnavailable");
    expect(client.started).toHaveLength(0);
  });

  it("passes on Graph's Retry-After when throttled", async () => {
    lookupError = new GraphRequestError({
      kind: "transient",
      status: 429,
      code: "Request_ThrottledTemporarily",
      method: "GET",
      path: "/tenantRelationships/x",
      graphMessage: "slow down",
      retryAfterSeconds: 30,
    });
    const { response, json } = await send(validBody);

    expect(response.status).toBe(503);
    expect(header(response, "Retry-After")).toBe("30");
    expect(header(response, "Content-Type")).toBe("application/problem+json");
    expect(json.status).toBe(503);
    expect(client.started).toHaveLength(0);
  });

  it("sends a default Retry-After without Graph's", async () => {
    lookupError = new GraphRequestError({
      kind: "transient",
      code: "Timeout",
      method: "GET",
      path: "/tenantRelationships/x",
      graphMessage: "The tenant lookup did not finish within 10000 ms.",
    });
    const { response } = await send(validBody);

    expect(response.status).toBe(503);
    expect(header(response, "Retry-After")).toBe(String(DEFAULT_RETRY_AFTER_SECONDS));
  });

  it("returns 502 when Graph rejects the lookup", async () => {
    lookupError = new GraphRequestError({
      kind: "forbidden",
      status: 403,
      code: "Authorization_RequestDenied",
      method: "GET",
      path: "/tenantRelationships/x",
      graphMessage: "denied",
    });
    const { response } = await send(validBody);

    expect(response.status).toBe(502);
    expect(header(response, "Retry-After")).toBeUndefined();
  });

  it("reuses the registered pair's configuration name when none is given", async () => {
    registeredPair = { state: "active", applicationId: "app-1", configurationName: "Contoso to Fabrikam" };
    const { response } = await send(validBody);

    expect(response.status).toBe(202);
    expect(client.started[0]?.options?.input).toMatchObject({ configurationName: "Contoso to Fabrikam" });
  });

  it("returns 409 for another configuration name of a registered pair", async () => {
    registeredPair = { state: "active", applicationId: "app-1", configurationName: "Contoso to Fabrikam" };
    const { response, json } = await send({ ...validBody, configurationName: "Something else" });

    expect(response.status).toBe(409);
    expect(json.configurationName).toBe("Contoso to Fabrikam");
    expect(client.started).toHaveLength(0);
  });

  it("reads the pair's registry record before starting", async () => {
    const { response } = await send(validBody);

    expect(response.status).toBe(202);
    expect(registryReads).toEqual([`${SOURCE_ID}|${TARGET_ID}`]);
  });

  it("returns 503 with Retry-After when the registry is down", async () => {
    registryError = new Error("connect ECONNREFUSED 127.0.0.1:10002");
    const { response, json } = await send(validBody);

    expect(response.status).toBe(503);
    expect(header(response, "Content-Type")).toBe("application/problem+json");
    expect(header(response, "Retry-After")).toBe("30");
    expect(json.title).toBe("The tenant-pair registry is unavailable.");
    expect(JSON.stringify(json)).not.toContain("ECONNREFUSED");
    expect(client.started).toHaveLength(0);
  });

  it("returns 409 while the pair's onboarding runs", async () => {
    await send(validBody);
    const { response, json } = await send({ ...validBody, source: SOURCE_ID.toUpperCase() });

    expect(response.status).toBe(409);
    expect(json.instanceId).toBe(INSTANCE_ID);
    expect(json.statusUri).toBe(STATUS_URI);
    expect(client.started).toHaveLength(1);
  });

  it("returns 409 while the pair's offboarding runs", async () => {
    const offboardingId = `offboard-${SOURCE_ID}-${TARGET_ID}`;
    await client.startNew("offboardTenantPair", { instanceId: offboardingId, input: {} });
    const { response, json } = await send(validBody);

    expect(response.status).toBe(409);
    expect(json.instanceId).toBe(offboardingId);
    expect(json.statusUri).toBe(`http://127.0.0.1:7071/api/operations/${offboardingId}`);
    expect(client.started.map((start) => start.options?.instanceId)).toEqual([offboardingId]);
  });

  it("starts after the pair's offboarding has ended", async () => {
    const offboardingId = `offboard-${SOURCE_ID}-${TARGET_ID}`;
    await client.startNew("offboardTenantPair", { instanceId: offboardingId, input: {} });
    const offboarding = client.instances.get(offboardingId);
    if (offboarding !== undefined) {
      offboarding.runtimeStatus = "Completed";
    }
    const { response } = await send(validBody);

    expect(response.status).toBe(202);
  });

  it("returns 409 when another request starts the pair first", async () => {
    client.beforeStart = (instanceId) => {
      client.beforeStart = undefined;
      void client.startNew("onboardTenantPair", { instanceId, input: {} });
    };
    const { response } = await send(validBody);

    expect(response.status).toBe(409);
  });

  it.each(["Completed", "Failed", "Terminated"])("replaces a %s instance", async (runtimeStatus) => {
    await send(validBody);
    const instance = client.instances.get(INSTANCE_ID);
    if (instance !== undefined) {
      instance.runtimeStatus = runtimeStatus;
    }
    const { response } = await send(validBody);

    expect(response.status).toBe(202);
    expect(client.started).toHaveLength(2);
  });

  it("returns 503 when the task hub fails", async () => {
    client.getStatusError = new Error("The operation failed with an unexpected status code: 500");
    const { response } = await send(validBody);

    expect(response.status).toBe(503);
    expect(client.started).toHaveLength(0);
  });
});
