import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FunctionRegistry } from "../../local-host/core/functionRegistry";
import { DurableService } from "../../local-host/durable/durableService";
import { type RuntimeStatus, InstanceStore } from "../../local-host/durable/instanceStore";
import { type ApiRequest, ManagementApi } from "../../local-host/durable/managementApi";

interface Listed {
  instanceId: string;
  runtimeStatus: string;
  input: unknown;
}

describe("management API in process", () => {
  let store: InstanceStore;
  let service: DurableService;
  let api: ManagementApi;

  const request = (method: string, target: string, headers: ApiRequest["headers"] = {}) => {
    const url = new URL(target, "http://127.0.0.1/");
    return api.handle({ method, path: url.pathname.slice(1), query: url.searchParams, headers, body: Buffer.alloc(0) });
  };
  /** Starts `id` with `input`, then sets its status and creation time directly in the store. */
  const seed = (id: string, status: RuntimeStatus, createdAt: string, input: unknown = id) => {
    service.start("Flow", id, input);
    const row = store.getInstance(id);
    if (row) store.upsertInstance({ ...row, status, created_at: Date.parse(createdAt) });
  };

  beforeEach(() => {
    store = new InstanceStore(":memory:");
    const registry = new FunctionRegistry();
    registry.add(
      { name: "Flow", bindings: { trigger: { type: "orchestrationTrigger", direction: "in" } } },
      () => null,
    );
    service = new DurableService(store, registry, () => undefined);
    api = new ManagementApi(service, () => ({ port: 7071, hubName: "hub", systemKey: "key" }));
    seed("a", "Completed", "2024-01-01T00:00:00Z");
    seed("b", "Failed", "2024-01-02T00:00:00Z");
    seed("c", "Running", "2024-01-03T00:00:00Z");
    seed("d", "Terminated", "2024-01-04T00:00:00Z");
  });

  afterEach(() => store.close());

  it("filters the list by several runtime statuses", async () => {
    const response = await request("GET", "instances/?runtimeStatus=Completed,Failed");
    expect(response.status).toBe(200);
    expect((response.body as Listed[]).map((row) => row.instanceId)).toEqual(["a", "b"]);
  });

  it("filters the list by creation time, bounds included", async () => {
    const response = await request(
      "GET",
      "instances/?createdTimeFrom=2024-01-02T00:00:00Z&createdTimeTo=2024-01-03T00:00:00Z",
    );
    expect((response.body as Listed[]).map((row) => row.instanceId)).toEqual(["b", "c"]);
  });

  it("rejects an invalid creation time with 400", async () => {
    const response = await request("GET", "instances/?createdTimeFrom=yesterday");
    expect(response.status).toBe(400);
  });

  it("pages the list with top and continuation tokens", async () => {
    const first = await request("GET", "instances/?top=3");
    expect((first.body as Listed[]).map((row) => row.instanceId)).toEqual(["a", "b", "c"]);
    const token = first.headers?.["x-ms-continuation-token"];
    expect(token).toBeTruthy();
    const second = await request("GET", "instances/?top=3", { "x-ms-continuation-token": token });
    expect((second.body as Listed[]).map((row) => row.instanceId)).toEqual(["d"]);
    expect(second.headers?.["x-ms-continuation-token"]).toBeUndefined();
  });

  it("hides inputs in the list with showInput=false", async () => {
    const shown = (await request("GET", "instances/")).body as Listed[];
    expect(shown[0]?.input).toBe("a");
    const hidden = (await request("GET", "instances/?showInput=false")).body as Listed[];
    expect(hidden.every((row) => row.input === null)).toBe(true);
  });

  it("purges one instance, then answers 404", async () => {
    expect(await request("DELETE", "instances/a")).toEqual({ status: 200, body: { instancesDeleted: 1 } });
    expect((await request("DELETE", "instances/a")).status).toBe(404);
    expect(store.getInstance("a")).toBeUndefined();
  });

  it("purges ended instances in bulk within the filter", async () => {
    const response = await request(
      "DELETE",
      "instances/?createdTimeFrom=2024-01-02T00:00:00Z&runtimeStatus=Failed,Running",
    );
    expect(response).toEqual({ status: 200, body: { instancesDeleted: 1 } });
    expect(store.getInstance("b")).toBeUndefined();
    expect(store.getInstance("c")?.status).toBe("Running");
    const none = await request("DELETE", "instances/?createdTimeFrom=2025-01-01T00:00:00Z");
    expect(none.status).toBe(404);
  });

  it("restarts with the same input under a new id", async () => {
    const response = await request("POST", "instances/a/restart");
    expect(response.status).toBe(202);
    const newId = (response.body as { id: string }).id;
    expect(newId).not.toBe("a");
    expect(store.getInstance(newId)?.input).toBe(JSON.stringify("a"));
  });

  it("restarts under the same id when asked", async () => {
    const response = await request("POST", "instances/a/restart?restartWithNewInstanceId=false");
    expect(response.status).toBe(202);
    expect(store.getInstance("a")?.status).toBe("Pending");
  });

  it("answers 501 to rewind and 404 for an unknown instance", async () => {
    expect((await request("POST", "instances/b/rewind?reason=retry")).status).toBe(501);
    expect((await request("POST", "instances/nope/rewind")).status).toBe(404);
  });
});
