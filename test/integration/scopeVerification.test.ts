import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  TENANT_A_DOMAIN,
  TENANT_A_ID,
  TENANT_B_DOMAIN,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { getJson, postJson, startFullStack, waitForOperation, type FullStack } from "./fullStack";

interface LoggedGraphRequest {
  method: string;
  path: string;
  tenantId: string | null;
  status: number;
}

const MADE_UP_USERS = Array.from(
  { length: 1000 },
  (_, index) => `0dead000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`,
);
const MADE_UP_GROUP = "0dead000-0000-4000-8000-0000ffffffff";

describe("scope check through the local host", () => {
  let stack: FullStack;

  beforeAll(async () => {
    stack = await startFullStack();
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("fails unknown ids before any Graph write", async () => {
    const response = await postJson(`${stack.api}/tenant-pairs`, {
      source: TENANT_A_DOMAIN,
      target: TENANT_B_DOMAIN,
      scope: { users: MADE_UP_USERS, groups: [ALL_EMPLOYEES_GROUP_ID, MADE_UP_GROUP] },
    });
    expect(response.status).toBe(202);
    const { statusUri } = (await response.json()) as { statusUri: string };

    const summary = await waitForOperation(statusUri);
    expect(summary.runtimeStatus).toBe("Failed");
    expect(summary.error?.step).toBe("verifyScopePrincipals");
    expect(summary.error?.message).toMatch(/^Not found in the source tenant: 1000 of 1000 users \(0dead000-/);
    expect(summary.error?.message).toContain(`1 of 2 groups (${MADE_UP_GROUP})`);
    expect(summary.steps.find((step) => step.name === "verifyScopePrincipals")?.state).toBe("failed");
    expect(summary.steps.find((step) => step.name === "ensureTargetPartner")?.state).toBe("pending");

    const requests = await getJson<LoggedGraphRequest[]>(`${stack.emulator.url}/_emulator/requests`);
    const scopeReads = requests.filter((request) => /^\/v1\.0\/(users|groups)\//.test(request.path));
    expect(scopeReads).toHaveLength(1002);
    expect(scopeReads.every((request) => request.tenantId === TENANT_A_ID)).toBe(true);
    const writes = requests.filter((request) => request.method !== "GET");
    expect(writes).toEqual([]);
    // The tenant lookups reached the target too, so the log covers both tenants.
    expect(requests.some((request) => request.tenantId === TENANT_B_ID)).toBe(true);
  }, 60_000);
});
