import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  TENANT_A_DOMAIN,
  TENANT_A_ID,
  TENANT_B_DOMAIN,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { getJson, postJson, startFullStack, waitForOperation, type FullStack } from "./fullStack";

interface HealthOperation {
  runtimeStatus: string;
  health?: { verdict: string; findings: { rule: string }[]; remediations: unknown[] };
}

interface SweepStatus {
  instanceId: string;
  runtimeStatus: string;
  output: { pairCount: number; pairsByVerdict: Record<string, number>; failedChecks: number } | null;
}

async function waitUntil<T>(read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for the condition.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("health checks through the local host", () => {
  let stack: FullStack;

  beforeAll(async () => {
    // A tick every 3 s, so that a scheduled run happens without waiting half an hour.
    stack = await startFullStack({ settings: { HEALTH_CHECK_SCHEDULE: "*/3 * * * * *" } });
    const response = await postJson(`${stack.api}/tenant-pairs`, {
      source: TENANT_A_DOMAIN,
      target: TENANT_B_DOMAIN,
      scope: { groups: [ALL_EMPLOYEES_GROUP_ID] },
    });
    const { statusUri } = (await response.json()) as { statusUri: string };
    expect((await waitForOperation(statusUri)).runtimeStatus).toBe("Completed");
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("checks an onboarded pair on request and finds it healthy", async () => {
    const response = await postJson(`${stack.api}/tenant-pairs/${TENANT_A_ID}/${TENANT_B_ID}/health-check`, {});
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; statusUri: string };
    expect(body.statusUri).toBe(`${stack.api}/operations/${body.id}`);

    await waitForOperation(body.statusUri);
    const operation = await getJson<HealthOperation>(body.statusUri);
    expect(operation.runtimeStatus).toBe("Completed");
    expect(operation.health?.findings).toEqual([]);
    expect(operation.health?.verdict).toBe("healthy");

    // The timer may have checked the pair since, so only the newest result's verdict is known.
    const pair = await getJson<{ state: string; health: { verdict: string } | null }>(
      `${stack.api}/tenant-pairs/${TENANT_A_ID}/${TENANT_B_ID}`,
    );
    expect(pair.state).toBe("active");
    expect(pair.health?.verdict).toBe("healthy");
  });

  it("answers 404 for a pair that is not registered", async () => {
    const response = await postJson(`${stack.api}/tenant-pairs/${TENANT_B_ID}/${TENANT_A_ID}/health-check`, {});
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("checks every registered pair from the timer, once per tick", async () => {
    const instancesUrl = `${stack.host.loopbackUrl}/runtime/webhooks/durabletask/instances`;
    const sweep = await waitUntil(async () => {
      const instances = await getJson<SweepStatus[]>(instancesUrl);
      return instances.find(
        (instance) =>
          instance.instanceId.startsWith("health-2") &&
          instance.runtimeStatus === "Completed" &&
          (instance.output?.pairCount ?? 0) > 0,
      );
    }, 30_000);
    expect(sweep.instanceId).toMatch(/^health-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Number(sweep.instanceId.slice(-3, -1)) % 3).toBe(0);
    expect(sweep.output?.pairsByVerdict.healthy).toBe(1);
    expect(sweep.output?.failedChecks).toBe(0);
  });
});
