import { TableClient } from "@azure/data-tables";
import { beforeEach, describe, expect, inject, it } from "vitest";

import {
  InvalidContinuationTokenError,
  RegistryConflictError,
  TenantPairNotFoundError,
} from "../../src/registry/registryErrors";
import { MAX_UPDATE_ATTEMPTS, TableTenantPairRegistry } from "../../src/registry/tableTenantPairRegistry";
import { HEALTH_HISTORY_LIMIT } from "../../src/registry/tenantPairRecord";
import { SOURCE_ID, TARGET_ID, healthResult, pairRecord, tenantId, uniqueTableName } from "./registryFixtures";

const connectionString = inject("azuriteConnectionString");
const NOW = new Date("2026-03-01T12:00:00.000Z");
const noWait = async () => undefined;

let tableName: string;
let registry: TableTenantPairRegistry;

function createRegistry(
  options: ConstructorParameters<typeof TableTenantPairRegistry>[1] = {},
): TableTenantPairRegistry {
  return TableTenantPairRegistry.fromConnectionString(connectionString, tableName, {
    now: () => NOW,
    beforeRetry: noWait,
    ...options,
  });
}

/**
 * Returns a registry on the same table whose entity updates first run `beforeWrite`, numbered from 1, so a test can
 * make another writer change the record between an attempt's read and its write.
 */
function registryWritingFirst(beforeWrite: (write: number) => Promise<void>): TableTenantPairRegistry {
  const client = TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection: true });
  let writes = 0;
  const interposed = new Proxy(client, {
    get(target, property) {
      if (property === "updateEntity") {
        return async (...args: Parameters<TableClient["updateEntity"]>) => {
          writes += 1;
          await beforeWrite(writes);
          return target.updateEntity(...args);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return new TableTenantPairRegistry(interposed, { now: () => NOW, beforeRetry: noWait });
}

beforeEach(() => {
  tableName = uniqueTableName();
  registry = createRegistry();
});

describe("TableTenantPairRegistry", () => {
  it("get returns undefined for an unknown pair", async () => {
    expect(await registry.get(SOURCE_ID, TARGET_ID)).toBeUndefined();
  });

  it("upsert then get round-trips the record", async () => {
    const record = pairRecord({ healthHistory: [healthResult(2), healthResult(1)] });
    const stored = await registry.upsert(record);

    expect(stored).toEqual({ ...record, updatedAt: NOW.toISOString() });
    expect(await registry.get(SOURCE_ID, TARGET_ID)).toEqual(stored);
  });

  it("get matches tenant ids in any case", async () => {
    await registry.upsert(pairRecord());

    const found = await registry.get(SOURCE_ID.toUpperCase(), TARGET_ID.toUpperCase());
    expect(found?.sourceTenantId).toBe(SOURCE_ID);
    expect(found?.targetTenantId).toBe(TARGET_ID);
  });

  it("stores null ids as null", async () => {
    const record = pairRecord({
      state: "onboarding",
      applicationId: null,
      appId: null,
      servicePrincipalId: null,
      jobId: null,
    });
    await registry.upsert(record);

    const found = await registry.get(SOURCE_ID, TARGET_ID);
    expect(found?.applicationId).toBeNull();
    expect(found?.jobId).toBeNull();
    expect(found?.state).toBe("onboarding");
  });

  it("upsert keeps only the newest health results", async () => {
    const history = Array.from({ length: HEALTH_HISTORY_LIMIT + 5 }, (_, index) => healthResult(30 - index));
    await registry.upsert(pairRecord({ healthHistory: history }));

    const found = await registry.get(SOURCE_ID, TARGET_ID);
    expect(found?.healthHistory).toHaveLength(HEALTH_HISTORY_LIMIT);
    expect(found?.healthHistory[0]).toEqual(history[0]);
    expect(found?.healthHistory.at(-1)).toEqual(history[HEALTH_HISTORY_LIMIT - 1]);
  });

  it("drops old health results to stay under the entity size limit", async () => {
    // Each result is about 120 KB in UTF-16, so 20 of them would pass the 1 MiB entity limit.
    const history = Array.from({ length: HEALTH_HISTORY_LIMIT }, (_, index) => healthResult(30 - index, 60_000));
    await registry.upsert(pairRecord({ healthHistory: history }));

    const found = await registry.get(SOURCE_ID, TARGET_ID);
    expect(found?.healthHistory.length).toBeGreaterThan(0);
    expect(found?.healthHistory.length).toBeLessThan(HEALTH_HISTORY_LIMIT);
    expect(found?.healthHistory[0]).toEqual(history[0]);
  });

  it("splits long object lists over several properties", async () => {
    // NOTE: the ids are ASCII because Azurite 3.37 decodes each chunk of a request body on its own, so a multi-byte
    // UTF-8 character that straddles two chunks of a body over about 64 KB is stored as U+FFFD. Azure does not.
    const assignments = Array.from({ length: 600 }, (_, index) => ({
      type: "appRoleAssignment" as const,
      id: `assignment-${index}-${"e".repeat(40)}`,
      created: index % 2 === 0,
      detail: { principalId: tenantId(index), principalType: "User" },
    }));
    const record = pairRecord({ objects: { source: assignments, target: [] } });
    await registry.upsert(record);

    const entity = await TableClient.fromConnectionString(connectionString, tableName, {
      allowInsecureConnection: true,
    }).getEntity(SOURCE_ID, TARGET_ID);
    expect(entity.objectsJson2).toBeTypeOf("string");
    expect((await registry.get(SOURCE_ID, TARGET_ID))?.objects).toEqual(record.objects);
  });

  it("list pages through every record in key order", async () => {
    const ids = [3, 1, 5, 2, 4].map(tenantId);
    for (const id of ids) {
      await registry.upsert(pairRecord({ sourceTenantId: id }));
    }

    const seen: string[] = [];
    const tokens: string[] = [];
    let token: string | undefined;
    do {
      const page = await registry.list(
        token === undefined ? { pageSize: 2 } : { pageSize: 2, continuationToken: token },
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.sourceTenantId));
      token = page.continuationToken;
      if (token !== undefined) tokens.push(token);
    } while (token !== undefined);

    expect(seen).toEqual([...ids].sort());
    expect(tokens).toHaveLength(2);
    for (const value of tokens) {
      expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it("list returns an empty page for an empty table", async () => {
    expect(await registry.list({ pageSize: 10 })).toEqual({ items: [] });
  });

  it.each(["not a token", "bm90LWpzb24", Buffer.from('{"nextRowKey":"x"}').toString("base64url")])(
    "list rejects the token %s",
    async (continuationToken) => {
      await expect(registry.list({ pageSize: 10, continuationToken })).rejects.toBeInstanceOf(
        InvalidContinuationTokenError,
      );
    },
  );

  it.each([0, 1001, 2.5])("list rejects page size %s", async (pageSize) => {
    await expect(registry.list({ pageSize })).rejects.toBeInstanceOf(RangeError);
  });

  it("update applies the change and keeps keys and creation time", async () => {
    await registry.upsert(pairRecord({ state: "onboarding" }));

    const updated = await registry.update(SOURCE_ID, TARGET_ID, (current) => ({
      ...current,
      state: "active",
      sourceTenantId: tenantId(9),
      createdAt: "2030-01-01T00:00:00.000Z",
    }));

    expect(updated.state).toBe("active");
    expect(updated.sourceTenantId).toBe(SOURCE_ID);
    expect(updated.createdAt).toBe("2026-01-01T00:00:00.000Z");
    expect(updated.updatedAt).toBe(NOW.toISOString());
    expect(await registry.get(SOURCE_ID, TARGET_ID)).toEqual(updated);
  });

  it("update retries after a concurrent write and keeps both changes", async () => {
    await registry.upsert(pairRecord({ state: "active", healthHistory: [healthResult(1)] }));
    const other = createRegistry();
    // The other writer changes the record after the first attempt read it, so that attempt's write gets HTTP 412.
    const racing = registryWritingFirst(async (write) => {
      if (write === 1) await other.update(SOURCE_ID, TARGET_ID, (stored) => ({ ...stored, state: "degraded" }));
    });
    let calls = 0;

    const updated = await racing.update(SOURCE_ID, TARGET_ID, (current) => {
      calls += 1;
      return { ...current, healthHistory: [healthResult(2), ...current.healthHistory] };
    });

    expect(calls).toBe(2);
    expect(updated.state).toBe("degraded");
    expect(updated.healthHistory.map((result) => result.instanceId)).toEqual(["health-2", "health-1"]);
    expect(await registry.get(SOURCE_ID, TARGET_ID)).toEqual(updated);
  });

  it("update gives up after repeated conflicts", async () => {
    await registry.upsert(pairRecord());
    const other = createRegistry();
    const racing = registryWritingFirst(async () => {
      await other.update(SOURCE_ID, TARGET_ID, (stored) => ({ ...stored, configurationName: "changed elsewhere" }));
    });
    let calls = 0;

    const update = racing.update(SOURCE_ID, TARGET_ID, (current) => {
      calls += 1;
      return { ...current, state: "failed" };
    });

    await expect(update).rejects.toBeInstanceOf(RegistryConflictError);
    expect(calls).toBe(MAX_UPDATE_ATTEMPTS);
    expect((await registry.get(SOURCE_ID, TARGET_ID))?.state).toBe("active");
  });

  it("update throws TenantPairNotFoundError for an unknown pair", async () => {
    await expect(registry.update(SOURCE_ID, TARGET_ID, (current) => current)).rejects.toBeInstanceOf(
      TenantPairNotFoundError,
    );
  });
});
