import { HttpRequest, type HttpResponseInit, InvocationContext } from "@azure/functions";
import { describe, expect, it } from "vitest";

import { createStartHealthCheckHandler } from "../../src/http/startHealthCheckHandler";
import type { CheckTenantPairInput } from "../../src/shared/healthContracts";
import { MemoryRegistry, pairRecord } from "../activities/support/memoryRegistry";
import { FakeDurableClient } from "./support/fakeDurableClient";

const RECORD = pairRecord(7);
const ROUTE = "http://127.0.0.1:7071/api/tenant-pairs";

function post(source: string, target: string): HttpRequest {
  return new HttpRequest({
    method: "POST",
    url: `${ROUTE}/${source}/${target}/health-check?code=function-key`,
    params: { sourceTenantId: source, targetTenantId: target },
  });
}

async function setup() {
  const client = new FakeDurableClient();
  const registry = new MemoryRegistry();
  await registry.upsert(RECORD);
  const handler = createStartHealthCheckHandler({
    getClient: () => client,
    getRegistry: () => registry,
    remediationEnabled: true,
  });
  const send = async (source: string, target: string) => {
    const response = await handler(post(source, target), new InvocationContext({ logHandler: () => undefined }));
    const json = (response.jsonBody ?? JSON.parse(response.body as string)) as Record<string, unknown>;
    return { response, json };
  };
  return { client, registry, send };
}

function header(response: HttpResponseInit, name: string): string | undefined {
  return (response.headers as Record<string, string>)[name];
}

describe("POST /tenant-pairs/{source}/{target}/health-check", () => {
  it("starts checkTenantPair for a registered pair and returns 202 with the status URI", async () => {
    const { client, send } = await setup();
    const { response, json } = await send(RECORD.sourceTenantId.toUpperCase(), RECORD.targetTenantId);
    const id = `health-check-${RECORD.sourceTenantId}-${RECORD.targetTenantId}`;
    expect(response.status).toBe(202);
    expect(json).toEqual({ id, statusUri: `http://127.0.0.1:7071/api/operations/${id}` });
    expect(header(response, "Location")).toBe(json.statusUri);
    expect(client.started).toHaveLength(1);
    expect(client.started[0]?.name).toBe("checkTenantPair");
    const input = client.started[0]?.options?.input as CheckTenantPairInput;
    expect(input.remediationEnabled).toBe(true);
    expect(input.target).toMatchObject({ servicePrincipalId: "sp-7", jobId: "job-7", configurationName: "Pair 7" });
  });

  it("returns 404 problem details for a pair that is not registered", async () => {
    const { client, send } = await setup();
    const other = pairRecord(8);
    const { response, json } = await send(other.sourceTenantId, other.targetTenantId);
    expect(response.status).toBe(404);
    expect(header(response, "Content-Type")).toBe("application/problem+json");
    expect(json.type).toBe("tag:entra-cross-tenant-sync,2026:problems/tenant-pair-not-found");
    expect(client.started).toHaveLength(0);
  });

  it("returns 400 for ids that are not GUIDs", async () => {
    const { client, send } = await setup();
    const { response, json } = await send("contoso.com", RECORD.targetTenantId);
    expect(response.status).toBe(400);
    expect((json.errors as { pointer: string }[]).map((error) => error.pointer)).toEqual(["/sourceTenantId"]);
    expect(client.started).toHaveLength(0);
  });

  it("returns 409 while a check runs", async () => {
    const { client, send } = await setup();
    const first = await send(RECORD.sourceTenantId, RECORD.targetTenantId);
    const second = await send(RECORD.sourceTenantId, RECORD.targetTenantId);
    expect(second.response.status).toBe(409);
    expect(second.json.statusUri).toBe(first.json.statusUri);
    client.instances.get(first.json.id as string)!.runtimeStatus = "Completed";
    const third = await send(RECORD.sourceTenantId, RECORD.targetTenantId);
    expect(third.response.status).toBe(202);
    expect(client.started).toHaveLength(2);
  });

  it("returns 409 for an offboarded pair and starts nothing", async () => {
    const { client, registry, send } = await setup();
    await registry.upsert({ ...RECORD, state: "offboarded", lastOffboardingInstanceId: "offboard-x" });
    const { response, json } = await send(RECORD.sourceTenantId, RECORD.targetTenantId);
    expect(response.status).toBe(409);
    expect(header(response, "Content-Type")).toBe("application/problem+json");
    expect(json.type).toBe("tag:entra-cross-tenant-sync,2026:problems/tenant-pair-already-offboarded");
    expect(json.statusUri).toBe("http://127.0.0.1:7071/api/operations/offboard-x");
    expect(client.started).toHaveLength(0);
  });

  it("returns 409 for an offboarding pair and starts nothing", async () => {
    const { client, registry, send } = await setup();
    await registry.upsert({ ...RECORD, state: "offboarding" });
    const { response, json } = await send(RECORD.sourceTenantId, RECORD.targetTenantId);
    expect(response.status).toBe(409);
    expect(json.type).toBe("tag:entra-cross-tenant-sync,2026:problems/tenant-pair-operation-running");
    expect(client.started).toHaveLength(0);
  });

  it("returns 503 when the registry cannot be read", async () => {
    const client = new FakeDurableClient();
    const handler = createStartHealthCheckHandler({
      getClient: () => client,
      getRegistry: () => ({ get: () => Promise.reject(new Error("table unavailable")) }),
      remediationEnabled: false,
    });
    const response = await handler(
      post(RECORD.sourceTenantId, RECORD.targetTenantId),
      new InvocationContext({ logHandler: () => undefined }),
    );
    expect(response.status).toBe(503);
    expect(client.started).toHaveLength(0);
  });
});
