import { HttpRequest, type HttpResponseInit, InvocationContext } from "@azure/functions";
import { beforeEach, describe, expect, it } from "vitest";

import { createGetTenantPairHandler } from "../../src/http/getTenantPairHandler";
import { createListTenantPairsHandler } from "../../src/http/listTenantPairsHandler";
import { InvalidContinuationTokenError } from "../../src/registry/registryErrors";
import type { TenantPairRecord } from "../../src/registry/tenantPairRecord";
import type { ListTenantPairsOptions, TenantPairRegistry } from "../../src/registry/tenantPairRegistry";
import { SOURCE_ID, TARGET_ID, healthResult, pairRecord, tenantId } from "../registry/registryFixtures";

const BASE = "http://127.0.0.1:7071/api/tenant-pairs";

/** An in-memory registry whose pages are slices of `records`, with tokens that are page offsets in base64url. */
class FakeRegistry implements TenantPairRegistry {
  records: TenantPairRecord[] = [];
  failure?: Error;
  listCalls: ListTenantPairsOptions[] = [];

  async get(source: string, target: string) {
    if (this.failure) throw this.failure;
    return this.records.find(
      (record) => record.sourceTenantId === source.toLowerCase() && record.targetTenantId === target.toLowerCase(),
    );
  }

  async list(options: ListTenantPairsOptions) {
    this.listCalls.push(options);
    if (this.failure) throw this.failure;
    let start = 0;
    if (options.continuationToken !== undefined) {
      start = Number(Buffer.from(options.continuationToken, "base64url").toString());
      if (!Number.isInteger(start)) throw new InvalidContinuationTokenError();
    }
    const end = start + options.pageSize;
    const page: { items: TenantPairRecord[]; continuationToken?: string } = { items: this.records.slice(start, end) };
    if (end < this.records.length) page.continuationToken = Buffer.from(String(end)).toString("base64url");
    return page;
  }

  async upsert(record: TenantPairRecord) {
    return record;
  }

  async update(): Promise<TenantPairRecord> {
    throw new Error("not used by the read routes");
  }
}

let registry: FakeRegistry;

async function call(
  handler: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>,
  url: string,
  params: Record<string, string> = {},
) {
  const response = await handler(
    new HttpRequest({ method: "GET", url, params }),
    new InvocationContext({ logHandler: () => undefined }),
  );
  const json = (response.jsonBody ?? JSON.parse(response.body as string)) as Record<string, unknown>;
  return { response, json, contentType: (response.headers as Record<string, string>)["Content-Type"] };
}

const list = (query = "") => call(createListTenantPairsHandler({ getRegistry: () => registry }), `${BASE}${query}`);
const getPair = (source: string, target: string) =>
  call(createGetTenantPairHandler({ getRegistry: () => registry }), `${BASE}/${source}/${target}`, {
    sourceTenantId: source,
    targetTenantId: target,
  });

beforeEach(() => {
  registry = new FakeRegistry();
});

describe("GET /api/tenant-pairs", () => {
  it("lists pairs with state and latest health", async () => {
    registry.records = [pairRecord({ healthHistory: [healthResult(5), healthResult(4)] })];
    const { response, json } = await list();

    expect(response.status).toBe(200);
    expect(json.nextLink).toBeUndefined();
    const [item] = json.value as Array<Record<string, unknown>>;
    expect(item).toMatchObject({
      source: { tenantId: SOURCE_ID, displayName: "Contoso", domainName: "contoso.onmicrosoft.com" },
      target: { tenantId: TARGET_ID, displayName: "Fabrikam" },
      state: "active",
      health: { verdict: "degraded", checkedAt: healthResult(5).checkedAt, findings: healthResult(5).findings },
    });
    expect(registry.listCalls[0]).toEqual({ pageSize: 50 });
  });

  it("shows null health before the first check", async () => {
    registry.records = [pairRecord()];
    const { json } = await list();

    expect((json.value as Array<{ health: unknown }>)[0]?.health).toBeNull();
  });

  it("follows nextLink through every page", async () => {
    registry.records = [1, 2, 3, 4, 5].map((n) => pairRecord({ sourceTenantId: tenantId(n) }));
    const seen: string[] = [];
    let url: string | undefined = `${BASE}?pageSize=2&code=secret-key`;
    let pages = 0;
    while (url !== undefined) {
      const { json } = await call(createListTenantPairsHandler({ getRegistry: () => registry }), url);
      pages += 1;
      seen.push(...(json.value as Array<{ source: { tenantId: string } }>).map((item) => item.source.tenantId));
      url = json.nextLink as string | undefined;
      if (url !== undefined) {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:7071\/api\/tenant-pairs\?pageSize=2&continuationToken=/);
        expect(url).not.toContain("code=");
      }
    }

    expect(pages).toBe(3);
    expect(seen).toEqual([1, 2, 3, 4, 5].map(tenantId));
  });

  it.each([
    ["0", 400],
    ["101", 400],
    ["2.5", 400],
    ["ten", 400],
    ["", 400],
    ["1", 200],
    ["100", 200],
  ])("answers pageSize=%s with %i", async (pageSize, status) => {
    const { response, contentType } = await list(`?pageSize=${pageSize}`);

    expect(response.status).toBe(status);
    if (status === 400) {
      expect(contentType).toBe("application/problem+json");
      expect(registry.listCalls).toHaveLength(0);
    } else {
      expect(registry.listCalls[0]?.pageSize).toBe(Number(pageSize));
    }
  });

  it("answers 400 for an invalid continuation token", async () => {
    const { response, json, contentType } = await list("?continuationToken=bm90LWEtbnVtYmVy");

    expect(response.status).toBe(400);
    expect(contentType).toBe("application/problem+json");
    expect(JSON.stringify(json.errors)).toContain("/continuationToken");
  });

  it("answers 503 when the registry fails", async () => {
    registry.failure = new Error("connect ECONNREFUSED 127.0.0.1:10002");
    const { response, json } = await list();

    expect(response.status).toBe(503);
    expect(JSON.stringify(json)).not.toContain("ECONNREFUSED");
  });
});

describe("GET /api/tenant-pairs/{sourceTenantId}/{targetTenantId}", () => {
  it("returns the pair with created and adopted objects", async () => {
    registry.records = [pairRecord({ healthHistory: [healthResult(7)] })];
    const { response, json } = await getPair(SOURCE_ID.toUpperCase(), TARGET_ID);

    expect(response.status).toBe(200);
    expect(json).toMatchObject({
      state: "active",
      configurationName: "Contoso to Fabrikam",
      synchronization: { applicationId: registry.records[0]?.applicationId, jobId: registry.records[0]?.jobId },
      health: { verdict: "degraded" },
      lastOnboardingInstanceId: `onboard-${SOURCE_ID}-${TARGET_ID}`,
    });
    expect(json.objects).toEqual({
      source: { created: registry.records[0]?.objects.source, adopted: [] },
      target: { created: [], adopted: registry.records[0]?.objects.target },
    });
  });

  it("shows the latest offboarding's error", async () => {
    const offboarding = {
      instanceId: `offboard-${SOURCE_ID}-${TARGET_ID}`,
      keepSyncedUsers: false,
      startedAt: "2026-02-01T00:00:00.000Z",
      endedAt: null,
      result: null,
      error: { step: "removeSyncObjects", message: "Graph forbidden error 403", at: "2026-02-01T00:01:00.000Z" },
    };
    registry.records = [pairRecord({ state: "offboarding", offboarding })];
    const { json } = await getPair(SOURCE_ID, TARGET_ID);

    expect(json.offboarding).toEqual(offboarding);
  });

  it("shows a null offboarding before the first one", async () => {
    registry.records = [pairRecord()];
    const { json } = await getPair(SOURCE_ID, TARGET_ID);

    expect(json.offboarding).toBeNull();
  });

  it("answers 404 problem details for an unknown pair", async () => {
    const { response, json, contentType } = await getPair(SOURCE_ID, TARGET_ID);

    expect(response.status).toBe(404);
    expect(contentType).toBe("application/problem+json");
    expect(json.detail).toContain(SOURCE_ID);
  });

  it.each([
    ["not-a-guid", TARGET_ID],
    [SOURCE_ID, "contoso.com"],
  ])("answers 400 for ids %s and %s", async (source, target) => {
    const { response, contentType } = await getPair(source, target);

    expect(response.status).toBe(400);
    expect(contentType).toBe("application/problem+json");
  });

  it("answers 503 when the registry fails", async () => {
    registry.failure = new Error("socket hang up");
    const { response } = await getPair(SOURCE_ID, TARGET_ID);

    expect(response.status).toBe(503);
  });
});
