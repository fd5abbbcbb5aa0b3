import { HttpRequest, type HttpResponseInit, InvocationContext } from "@azure/functions";
import { beforeEach, describe, expect, it } from "vitest";

import { createGetOperationHandler } from "../../src/http/getOperationHandler";
import { FakeDurableClient } from "./support/fakeDurableClient";

let client: FakeDurableClient;

async function get(instanceId: string): Promise<{ response: HttpResponseInit; json: Record<string, unknown> }> {
  const request = new HttpRequest({
    method: "GET",
    url: `http://127.0.0.1:7071/api/operations/${encodeURIComponent(instanceId)}`,
    params: { instanceId },
  });
  const context = new InvocationContext({ logHandler: () => undefined });
  const response = await createGetOperationHandler({ getClient: () => client })(request, context);
  const json = (response.jsonBody ?? JSON.parse(response.body as string)) as Record<string, unknown>;
  return { response, json };
}

beforeEach(() => {
  client = new FakeDurableClient();
});

describe("GET /api/operations/{instanceId}", () => {
  it("returns 200 with the summary", async () => {
    await client.startNew("onboardTenantPair", {
      instanceId: "onboard-a-b",
      input: {
        source: "a.com",
        target: "b.com",
        sourceTenantId: "a",
        targetTenantId: "b",
        scope: { users: ["u"], groups: [] },
      },
    });
    const { response, json } = await get("onboard-a-b");

    expect(response.status).toBe(200);
    expect(json).toMatchObject({
      id: "onboard-a-b",
      name: "onboardTenantPair",
      runtimeStatus: "Pending",
      request: { source: "a.com", scope: { users: 1, groups: 0 } },
      steps: [],
    });
  });

  it("returns 404 for an unknown id", async () => {
    const { response, json } = await get("onboard-missing");

    expect(response.status).toBe(404);
    expect((response.headers as Record<string, string>)["Content-Type"]).toBe("application/problem+json");
    expect(json.detail).toContain("onboard-missing");
  });

  it("returns 400 for a malformed id", async () => {
    const { response } = await get("../instances");

    expect(response.status).toBe(400);
  });

  it("returns 503 when the task hub fails", async () => {
    client.getStatusError = new Error("socket hang up");
    const { response } = await get("onboard-a-b");

    expect(response.status).toBe(503);
  });
});
