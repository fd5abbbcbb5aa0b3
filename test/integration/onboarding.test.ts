import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  TENANT_A_DOMAIN,
  TENANT_A_ID,
  TENANT_B_DOMAIN,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { dumpTenant, getJson, postJson, startFullStack, waitForOperation, type FullStack } from "./fullStack";

/** The parts of `GET /api/tenant-pairs/{source}/{target}` that these tests read. */
interface RegisteredPair {
  state: string;
  source: { tenantId: string; domainName: string };
  target: { tenantId: string; domainName: string };
  synchronization: {
    applicationId: string | null;
    appId: string | null;
    servicePrincipalId: string | null;
    jobId: string | null;
  };
  objects: {
    source: { created: Array<{ type: string }>; adopted: Array<{ type: string }> };
    target: { created: Array<{ type: string }>; adopted: Array<{ type: string }> };
  };
}

const onboardingRequest = {
  source: TENANT_A_DOMAIN,
  target: TENANT_B_DOMAIN,
  scope: { groups: [ALL_EMPLOYEES_GROUP_ID] },
};

describe("onboarding through the local host", () => {
  let stack: FullStack;

  beforeAll(async () => {
    stack = await startFullStack();
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("onboards the sample pair and syncs every enabled group member", async () => {
    const response = await postJson(`${stack.api}/tenant-pairs`, onboardingRequest);
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; statusUri: string };
    expect(response.headers.get("location")).toBe(body.statusUri);
    expect(body.statusUri).toBe(`${stack.api}/operations/${body.id}`);
    expect(JSON.stringify(body)).not.toMatch(/code=|runtime\/webhooks/);

    const summary = await waitForOperation(body.statusUri);
    expect(summary.error).toBeUndefined();
    expect(summary.runtimeStatus).toBe("Completed");
    expect(summary.steps.every((step) => step.state === "succeeded")).toBe(true);
    expect(summary.result?.firstCycle.completed).toBe(true);

    const source = await dumpTenant(stack.emulator.url, TENANT_A_ID);
    const target = await dumpTenant(stack.emulator.url, TENANT_B_ID);
    expect(target.partners.map((partner) => partner.tenantId)).toEqual([TENANT_A_ID]);
    expect(target.partners[0]?.identitySynchronization?.userSyncInbound.isSyncAllowed).toBe(true);
    expect(target.partners[0]?.automaticUserConsentSettings?.inboundAllowed).toBe(true);
    expect(source.partners.map((partner) => partner.tenantId)).toEqual([TENANT_B_ID]);
    expect(source.partners[0]?.automaticUserConsentSettings?.outboundAllowed).toBe(true);

    const syncApps = source.applications.filter((app) => app.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID);
    expect(syncApps).toHaveLength(1);
    const servicePrincipal = source.servicePrincipals.find((sp) => sp.appId === syncApps[0]?.appId);
    expect(servicePrincipal?.synchronization.jobs).toHaveLength(1);
    expect(servicePrincipal?.synchronization.jobs[0]?.schedule.state).toBe("Active");
    expect(servicePrincipal?.appRoleAssignedTo.map((assignment) => assignment.principalId)).toEqual([
      ALL_EMPLOYEES_GROUP_ID,
    ]);

    const group = source.groups.find((candidate) => candidate.id === ALL_EMPLOYEES_GROUP_ID);
    const expectedAliases = source.users
      .filter((user) => group?.members.includes(user.id) && user.accountEnabled)
      .map((user) => `${user.userPrincipalName.replace("@", "_")}#EXT#@${TENANT_B_DOMAIN}`.toLowerCase())
      .sort();
    const synced = target.users
      .filter((user) => user.userPrincipalName.includes("#EXT#"))
      .map((user) => user.userPrincipalName.toLowerCase())
      .sort();
    expect(expectedAliases.length).toBeGreaterThan(0);
    expect(synced).toEqual(expectedAliases);
  });

  it("registers the onboarded pair as active", async () => {
    const pair = await getJson<RegisteredPair>(`${stack.api}/tenant-pairs/${TENANT_A_ID}/${TENANT_B_ID}`);
    const source = await dumpTenant(stack.emulator.url, TENANT_A_ID);
    const application = source.applications.find((app) => app.applicationTemplateId === CROSS_TENANT_SYNC_TEMPLATE_ID);
    const servicePrincipal = source.servicePrincipals.find((sp) => sp.appId === application?.appId);

    expect(pair.state).toBe("active");
    expect(pair.source.domainName.toLowerCase()).toBe(TENANT_A_DOMAIN.toLowerCase());
    expect(pair.target.domainName.toLowerCase()).toBe(TENANT_B_DOMAIN.toLowerCase());
    expect(pair.synchronization.applicationId).toBe(application?.id);
    expect(pair.synchronization.appId).toBe(application?.appId);
    expect(pair.synchronization.servicePrincipalId).toBe(servicePrincipal?.id);
    expect(pair.synchronization.jobId).toBe(servicePrincipal?.synchronization.jobs[0]?.id);
    expect(pair.objects.source.created.map((object) => object.type)).toContain("application");
    expect(pair.objects.target.created.map((object) => object.type)).toContain("partner");

    const list = await getJson<{ value: RegisteredPair[]; nextLink?: string }>(`${stack.api}/tenant-pairs?pageSize=10`);
    const listed = list.value.filter(
      (item) => item.source.tenantId === TENANT_A_ID && item.target.tenantId === TENANT_B_ID,
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]?.state).toBe("active");
  });

  it("adopts everything when the same pair is onboarded again", async () => {
    const before = await Promise.all([
      dumpTenant(stack.emulator.url, TENANT_A_ID),
      dumpTenant(stack.emulator.url, TENANT_B_ID),
    ]);
    // The same pair, named by ids this time.
    const response = await postJson(`${stack.api}/tenant-pairs`, {
      ...onboardingRequest,
      source: TENANT_A_ID,
      target: TENANT_B_ID,
    });
    expect(response.status).toBe(202);
    const { statusUri } = (await response.json()) as { statusUri: string };

    const summary = await waitForOperation(statusUri);
    expect(summary.runtimeStatus).toBe("Completed");
    const objects = [...(summary.result?.objects.source ?? []), ...(summary.result?.objects.target ?? [])];
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.filter((object) => object.created)).toEqual([]);

    const after = await Promise.all([
      dumpTenant(stack.emulator.url, TENANT_A_ID),
      dumpTenant(stack.emulator.url, TENANT_B_ID),
    ]);
    expect(after[0].applications).toHaveLength(before[0].applications.length);
    expect(after[0].servicePrincipals).toHaveLength(before[0].servicePrincipals.length);
    expect(after[0].partners).toHaveLength(before[0].partners.length);
    expect(after[1].partners).toHaveLength(before[1].partners.length);
    expect(after[1].users).toHaveLength(before[1].users.length);
  });

  it("answers 409 while the pair is onboarding, however the tenants are named", async () => {
    const first = await postJson(`${stack.api}/tenant-pairs`, onboardingRequest);
    expect(first.status).toBe(202);
    const started = (await first.json()) as { id: string; statusUri: string };

    const second = await postJson(`${stack.api}/tenant-pairs`, {
      ...onboardingRequest,
      source: TENANT_A_ID.toUpperCase(),
      target: TENANT_B_ID,
    });
    expect(second.status).toBe(409);
    expect(second.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = JSON.stringify(await second.json());
    expect(problem).toContain(started.id);
    expect(problem).toContain(started.statusUri);

    expect((await waitForOperation(started.statusUri)).runtimeStatus).toBe("Completed");
  });

  it("rejects an invalid body with problem details and starts nothing", async () => {
    const before = await getJson<unknown[]>(`${stack.host.loopbackUrl}/runtime/webhooks/durabletask/instances`);
    const response = await postJson(`${stack.api}/tenant-pairs`, {
      source: TENANT_A_ID,
      target: TENANT_A_ID,
      scope: { users: ["not-a-guid"] },
      colour: "blue",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { errors: Array<{ pointer: string }> };
    const pointers = problem.errors.map((error) => error.pointer);
    expect(pointers).toContain("/scope/users/0");
    expect(pointers).toContain("/colour");
    expect(pointers.some((pointer) => pointer === "/target" || pointer === "/source")).toBe(true);

    const after = await getJson<unknown[]>(`${stack.host.loopbackUrl}/runtime/webhooks/durabletask/instances`);
    expect(after).toHaveLength(before.length);
  });

  it("answers 404 problem details for an unknown operation", async () => {
    const response = await fetch(
      `${stack.api}/operations/onboard-00000000-0000-0000-0000-000000000000-11111111-1111-1111-1111-111111111111`,
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("keeps the Durable extension's status endpoint working for operators", async () => {
    const instances = await getJson<Array<{ instanceId: string; runtimeStatus: string }>>(
      `${stack.host.loopbackUrl}/runtime/webhooks/durabletask/instances`,
    );
    expect(instances.length).toBeGreaterThan(0);
    const status = await fetch(
      `${stack.host.loopbackUrl}/runtime/webhooks/durabletask/instances/${instances[0]?.instanceId}`,
    );
    expect(status.status).toBe(200);
  });
});
