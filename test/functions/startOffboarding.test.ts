import { HttpRequest, type HttpResponseInit, InvocationContext } from "@azure/functions";
import { beforeEach, describe, expect, it } from "vitest";

import { createStartOffboardingHandler } from "../../src/http/startOffboardingHandler";
import type { TenantPairRecord } from "../../src/registry/tenantPairRecord";
import { FakeDurableClient } from "./support/fakeDurableClient";

const SOURCE_ID = "11111111-1111-4111-8111-111111111111";
const TARGET_ID = "22222222-2222-4222-8222-222222222222";
const INSTANCE_ID = `offboard-${SOURCE_ID}-${TARGET_ID}`;
const BASE = "http://127.0.0.1:7071/api";

let client: FakeDurableClient;
let records: Map<string, Pick<TenantPairRecord, "state" | "lastOffboardingInstanceId">>;
let registryError: Error | undefined;

const handler = () =>
  createStartOffboardingHandler({
    getClient: () => client,
    getRegistry: () => ({
      get: async (source: string, target: string) => {
        if (registryError !== undefined) {
          throw registryError;
        }
        return records.get(`${source}/${target}`) as TenantPairRecord | undefined;
      },
    }),
    deprovisionTimeoutSeconds: 3600,
  });

async function send(
  params: { sourceTenantId: string; targetTenantId: string },
  body?: string,
  contentType = "application/json",
): Promise<{ response: HttpResponseInit; json: Record<string, unknown> }> {
  const request = new HttpRequest({
    method: "DELETE",
    url: `${BASE}/tenant-pairs/${params.sourceTenantId}/${params.targetTenantId}?code=key`,
    params,
    ...(body === undefined ? {} : { body: { string: body }, headers: { "content-type": contentType } }),
  });
  const response = await handler()(request, new InvocationContext({ logHandler: () => undefined }));
  const json = (response.jsonBody ?? JSON.parse(response.body as string)) as Record<string, unknown>;
  return { response, json };
}

const pair = { sourceTenantId: SOURCE_ID, targetTenantId: TARGET_ID };

beforeEach(() => {
  client = new FakeDurableClient();
  records = new Map([[`${SOURCE_ID}/${TARGET_ID}`, { state: "active", lastOffboardingInstanceId: null }]]);
  registryError = undefined;
});

describe("startOffboarding", () => {
  it("starts the offboarding and answers 202", async () => {
    const { response, json } = await send(pair);
    expect(response.status).toBe(202);
    expect(json).toEqual({ id: INSTANCE_ID, statusUri: `${BASE}/operations/${INSTANCE_ID}` });
    expect((response.headers as Record<string, string>).Location).toBe(`${BASE}/operations/${INSTANCE_ID}`);
    expect(client.started).toHaveLength(1);
    expect(client.started[0]?.options?.input).toEqual({
      ...pair,
      keepSyncedUsers: false,
      deprovisionTimeoutSeconds: 3600,
    });
  });

  it("passes keepSyncedUsers from the body", async () => {
    const { response } = await send(pair, JSON.stringify({ keepSyncedUsers: true }));
    expect(response.status).toBe(202);
    expect(client.started[0]?.options?.input).toMatchObject({ keepSyncedUsers: true });
  });

  it("lower-cases upper-case tenant ids", async () => {
    records.set(`${SOURCE_ID}/${TARGET_ID}`, { state: "failed", lastOffboardingInstanceId: null });
    const { response } = await send({ sourceTenantId: SOURCE_ID.toUpperCase(), targetTenantId: TARGET_ID });
    expect(response.status).toBe(202);
    expect(client.started[0]?.options?.instanceId).toBe(INSTANCE_ID);
  });

  it("answers 404 for an unregistered pair", async () => {
    records.clear();
    const { response, json } = await send(pair);
    expect(response.status).toBe(404);
    expect((response.headers as Record<string, string>)["Content-Type"]).toBe("application/problem+json");
    expect(json.type).toMatch(/tenant-pair-not-found$/);
    expect(client.started).toHaveLength(0);
  });

  it("answers 409 while the pair is onboarding", async () => {
    await client.startNew("onboardTenantPair", { instanceId: `onboard-${SOURCE_ID}-${TARGET_ID}` });
    const { response, json } = await send(pair);
    expect(response.status).toBe(409);
    expect(json.instanceId).toBe(`onboard-${SOURCE_ID}-${TARGET_ID}`);
    expect(client.started.map((start) => start.name)).toEqual(["onboardTenantPair"]);
  });

  it("answers 409 while an offboarding runs", async () => {
    await client.startNew("offboardTenantPair", { instanceId: INSTANCE_ID });
    const { response, json } = await send(pair);
    expect(response.status).toBe(409);
    expect(json.statusUri).toBe(`${BASE}/operations/${INSTANCE_ID}`);
    expect(client.started).toHaveLength(1);
  });

  it("continues after a failed offboarding", async () => {
    await client.startNew("offboardTenantPair", { instanceId: INSTANCE_ID });
    const failed = client.instances.get(INSTANCE_ID);
    if (failed !== undefined) {
      failed.runtimeStatus = "Failed";
    }
    records.set(`${SOURCE_ID}/${TARGET_ID}`, { state: "offboarding", lastOffboardingInstanceId: INSTANCE_ID });
    const { response } = await send(pair);
    expect(response.status).toBe(202);
    expect(client.started).toHaveLength(2);
  });

  it("answers 409 for an offboarded pair", async () => {
    records.set(`${SOURCE_ID}/${TARGET_ID}`, { state: "offboarded", lastOffboardingInstanceId: INSTANCE_ID });
    const { response, json } = await send(pair);
    expect(response.status).toBe(409);
    expect(json.type).toMatch(/tenant-pair-already-offboarded$/);
    expect(json.statusUri).toBe(`${BASE}/operations/${INSTANCE_ID}`);
    expect(client.started).toHaveLength(0);
  });

  it.each([
    ["an unknown field", JSON.stringify({ keepSyncedUsers: true, force: true }), "/force"],
    ["a non-boolean flag", JSON.stringify({ keepSyncedUsers: "yes" }), "/keepSyncedUsers"],
    ["invalid JSON", "{", ""],
    ["an array", "[]", ""],
  ])("rejects %s with 400", async (_case, body, pointer) => {
    const { response, json } = await send(pair, body);
    expect(response.status).toBe(400);
    expect((json.errors as Array<{ pointer: string }>).map((error) => error.pointer)).toEqual([pointer]);
    expect(client.started).toHaveLength(0);
  });

  it("rejects a body that is not application/json", async () => {
    const { response } = await send(pair, JSON.stringify({ keepSyncedUsers: true }), "text/plain");
    expect(response.status).toBe(400);
  });

  it("rejects tenant ids that are not GUIDs", async () => {
    const { response, json } = await send({ sourceTenantId: "contoso.com", targetTenantId: TARGET_ID });
    expect(response.status).toBe(400);
    expect(JSON.stringify(json.errors)).toContain("sourceTenantId");
    expect(client.started).toHaveLength(0);
  });

  it("rejects the same tenant twice", async () => {
    const { response } = await send({ sourceTenantId: SOURCE_ID, targetTenantId: SOURCE_ID });
    expect(response.status).toBe(400);
  });

  it("answers 503 when the registry fails", async () => {
    registryError = new Error("connect ECONNREFUSED");
    const { response } = await send(pair);
    expect(response.status).toBe(503);
    expect(client.started).toHaveLength(0);
  });
});
