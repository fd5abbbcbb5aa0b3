import { describe, expect, it } from "vitest";
import { ALL_EMPLOYEES_GROUP_ID, TENANT_A_ID, TENANT_B_ID, TENANT_C_ID } from "../../emulator/fixture";
import { DEFAULT_SETTINGS } from "../../emulator/settings";
import { type EmulatorClient, FAST_SETTINGS } from "./emulatorClient";
import { useEmulatorClientPerFile } from "./emulatorClientHooks";
import { allowSyncFromAToB, assign, createJobWithSecrets, createSyncApplication } from "./syncPairSetup";

let client: EmulatorClient;
const PARTNERS = "/policies/crossTenantAccessPolicy/partners";

useEmulatorClientPerFile((started) => {
  client = started;
});

describe("tenants and dumps", () => {
  it("lists the three fixture tenants", async () => {
    const result = await client.admin("GET", "/tenants");
    const ids = result.body.map((tenant: { tenantId: string }) => tenant.tenantId);
    expect(ids).toEqual([TENANT_A_ID, TENANT_B_ID, TENANT_C_ID]);
    expect(result.body[0]).toEqual({
      tenantId: TENANT_A_ID,
      displayName: "Tenant A",
      defaultDomainName: "M365x15302292.onmicrosoft.com",
    });
  });

  it("dumps the fixture: six users in A, one disabled, one outside every group", async () => {
    const dump = (await client.admin("GET", `/tenants/${TENANT_A_ID}`)).body;
    const members = new Set(dump.groups.flatMap((group: { members: string[] }) => group.members));
    expect(dump.users).toHaveLength(6);
    expect(dump.users.filter((user: { accountEnabled: boolean }) => !user.accountEnabled)).toHaveLength(1);
    expect(dump.users.filter((user: { id: string }) => !members.has(user.id))).toHaveLength(1);
    expect(dump.groups.find((group: { id: string }) => group.id === ALL_EMPLOYEES_GROUP_ID).members).toHaveLength(4);
  });

  it("dump is deterministic and masks secrets", async () => {
    await allowSyncFromAToB(client);
    const app = await createSyncApplication(client);
    await createJobWithSecrets(client, app);
    await assign(client, app, ALL_EMPLOYEES_GROUP_ID);
    const first = (await client.admin("GET", `/tenants/${TENANT_A_ID}`)).body;
    const second = (await client.admin("GET", `/tenants/${TENANT_A_ID}`)).body;
    expect(second).toEqual(first);
    const sp = first.servicePrincipals[0];
    expect(sp.appRoleAssignedTo).toHaveLength(1);
    expect(sp.synchronization.jobs).toHaveLength(1);
    expect(sp.synchronization.secrets.every((secret: { value: string }) => secret.value === "*")).toBe(true);
    expect(first.partners[0].tenantId).toBe(TENANT_B_ID);
    const target = (await client.admin("GET", `/tenants/${TENANT_B_ID}`)).body;
    expect(target.partners[0].identitySynchronization.userSyncInbound).toEqual({ isSyncAllowed: true });
  });

  it("answers 404 for an unknown tenant", async () => {
    const result = await client.admin("GET", "/tenants/00000000-0000-0000-0000-000000000000");
    expect(result.status).toBe(404);
  });
});

describe("faults", () => {
  it("fails a matching request with the status, code and Retry-After", async () => {
    const created = await client.admin("POST", "/faults", { path: "^/users$", status: 429, retryAfterSeconds: 7 });
    const failed = await client.graph(TENANT_A_ID, "GET", "/users");
    const next = await client.graph(TENANT_A_ID, "GET", "/users");
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(failed.status).toBe(429);
    expect(failed.headers.get("retry-after")).toBe("7");
    expect(failed.body.error.code).toBe("Request_ThrottledTemporarily");
    expect(failed.body.error.innerError["request-id"]).toBe(failed.headers.get("request-id"));
    expect(next.status).toBe(200);
  });

  it("applies a fault the given number of times and lists the remaining count", async () => {
    await client.admin("POST", "/faults", {
      method: "GET",
      path: "^/groups",
      status: 503,
      code: "serviceNotAvailable",
      times: 2,
    });
    const first = await client.graph(TENANT_A_ID, "GET", "/groups");
    const listed = await client.admin("GET", "/faults");
    const second = await client.graph(TENANT_A_ID, "GET", "/groups");
    const third = await client.graph(TENANT_A_ID, "GET", "/groups");
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe("serviceNotAvailable");
    expect(listed.body[0].remaining).toBe(1);
    expect(second.status).toBe(503);
    expect(third.status).toBe(200);
    expect((await client.admin("GET", "/faults")).body).toEqual([]);
  });

  it("matches only the given method and tenant", async () => {
    await client.admin("POST", "/faults", { method: "POST", path: "^/users", status: 500, tenantId: TENANT_B_ID });
    const otherMethod = await client.graph(TENANT_B_ID, "GET", "/users");
    const otherTenant = await client.graph(TENANT_A_ID, "GET", "/users");
    expect(otherMethod.status).toBe(200);
    expect(otherTenant.status).toBe(200);
    expect((await client.admin("GET", "/faults")).body).toHaveLength(1);
  });

  it("delays a request without failing it when only delayMs is given", async () => {
    await client.admin("POST", "/faults", { path: "^/users$", delayMs: 150 });
    const started = Date.now();
    const result = await client.graph(TENANT_A_ID, "GET", "/users");
    expect(result.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("runs the real handler first with when: after", async () => {
    await client.admin("POST", "/faults", { method: "POST", path: "/instantiate$", status: 404, when: "after" });
    const result = await client.graph(
      TENANT_A_ID,
      "POST",
      "/applicationTemplates/518e5f48-1fc8-4c48-9387-9fdf28b0dfe7/instantiate",
      { displayName: "Ghost" },
    );
    const dump = (await client.admin("GET", `/tenants/${TENANT_A_ID}`)).body;
    expect(result.status).toBe(404);
    expect(dump.applications.map((app: { displayName: string }) => app.displayName)).toEqual(["Ghost"]);
    expect(dump.servicePrincipals).toHaveLength(1);
  });

  it.each([
    [{ status: 500 }, "path"],
    [{ path: "([", status: 500 }, "regular expression"],
    [{ path: "^/users" }, "status"],
    [{ path: "^/users", status: 200 }, "status"],
    [{ path: "^/users", status: 500, when: "later" }, "when"],
    [{ path: "^/users", status: 500, times: 0 }, "times"],
    [{ path: "^/users", status: 500, color: "red" }, "color"],
  ])("rejects fault %j with 400", async (fault, mentioned) => {
    const result = await client.admin("POST", "/faults", fault);
    expect(result.status).toBe(400);
    expect(result.body.error.message).toContain(mentioned);
  });

  it("clears faults with DELETE", async () => {
    await client.admin("POST", "/faults", { path: ".*", status: 500 });
    const cleared = await client.admin("DELETE", "/faults");
    const result = await client.graph(TENANT_A_ID, "GET", "/users");
    expect(cleared.status).toBe(204);
    expect(result.status).toBe(200);
  });
});

describe("request log", () => {
  it("records Graph calls with version prefix, tenant and status, without query or token", async () => {
    await client.graph(TENANT_A_ID, "GET", "/users?$top=1");
    await client.graph(TENANT_B_ID, "GET", "/servicePrincipals/00000000-0000-0000-0000-000000000001");
    const log = (await client.admin("GET", "/requests")).body;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: "GET", path: "/v1.0/users", tenantId: TENANT_A_ID, status: 200 });
    expect(log[1]).toMatchObject({
      path: "/v1.0/servicePrincipals/00000000-0000-0000-0000-000000000001",
      tenantId: TENANT_B_ID,
      status: 404,
    });
    expect(typeof log[0].time).toBe("string");
    expect(JSON.stringify(log)).not.toContain("Bearer");
  });

  it("is cleared by DELETE", async () => {
    await client.graph(TENANT_A_ID, "GET", "/users");
    await client.admin("DELETE", "/requests");
    expect((await client.admin("GET", "/requests")).body).toEqual([]);
  });
});

describe("settings and reset", () => {
  it("updates settings with PUT and rejects unknown or negative values", async () => {
    const updated = await client.admin("PUT", "/settings", { latencyMs: 5 });
    const unknown = await client.admin("PUT", "/settings", { speed: 1 });
    const negative = await client.admin("PUT", "/settings", { replicationDelayMs: -1 });
    expect(updated.body).toEqual({ ...DEFAULT_SETTINGS, ...FAST_SETTINGS, latencyMs: 5 });
    expect(unknown.status).toBe(400);
    expect(negative.status).toBe(400);
  });

  it("delays every Graph answer by latencyMs", async () => {
    await client.admin("PUT", "/settings", { latencyMs: 120 });
    const started = Date.now();
    const result = await client.graph(TENANT_A_ID, "GET", "/groups");
    expect(result.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("restores the fixture, the start settings, and clears faults and the request log", async () => {
    const pristine = (await client.admin("GET", `/tenants/${TENANT_B_ID}`)).body;
    await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
    await client.admin("PUT", "/settings", { latencyMs: 5 });
    await client.admin("POST", "/faults", { path: "^/nothing", status: 500 });
    const reset = await client.admin("POST", "/reset");
    expect(reset.status).toBe(204);
    expect((await client.admin("GET", `/tenants/${TENANT_B_ID}`)).body).toEqual(pristine);
    expect((await client.admin("GET", "/settings")).body).toEqual({ ...DEFAULT_SETTINGS, ...FAST_SETTINGS });
    expect((await client.admin("GET", "/faults")).body).toEqual([]);
    expect((await client.admin("GET", "/requests")).body).toEqual([]);
  });
});

describe("admin changes", () => {
  it("quarantines a job on request", async () => {
    const app = await createSyncApplication(client);
    const jobId = await createJobWithSecrets(client, app);
    const sync = `/tenants/${TENANT_A_ID}/servicePrincipals/${app.servicePrincipalId}/synchronization`;
    const path = `${sync}/jobs/${jobId}/quarantine`;
    const result = await client.admin("POST", path, { reason: "TooManyDeletes", errorCode: "TooManyDeletes" });
    const job = await client.graph(
      TENANT_A_ID,
      "GET",
      `/servicePrincipals/${app.servicePrincipalId}/synchronization/jobs/${jobId}`,
    );
    expect(result.status).toBe(200);
    expect(job.body.status.code).toBe("Quarantine");
    expect(job.body.status.quarantine.reason).toBe("TooManyDeletes");
    expect(job.body.status.quarantine.error.code).toBe("TooManyDeletes");
  });

  it("changes a partner policy as an admin would", async () => {
    const result = await client.admin("PATCH", `/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, {
      automaticUserConsentSettings: { inboundAllowed: true },
      identitySynchronization: { userSyncInbound: { isSyncAllowed: true } },
    });
    const partner = await client.graph(TENANT_B_ID, "GET", `${PARTNERS}/${TENANT_A_ID}`);
    const policy = await client.graph(TENANT_B_ID, "GET", `${PARTNERS}/${TENANT_A_ID}/identitySynchronization`);
    expect(result.status).toBe(200);
    expect(partner.body.automaticUserConsentSettings.inboundAllowed).toBe(true);
    expect(policy.body.userSyncInbound.isSyncAllowed).toBe(true);
  });

  it("changes a source user and rejects properties it cannot change", async () => {
    const userPath = `/tenants/${TENANT_A_ID}/users/a1000000-0000-4000-8000-000000000001`;
    const changed = await client.admin("PATCH", userPath, { jobTitle: "Store Manager" });
    const rejected = await client.admin("PATCH", userPath, { userPrincipalName: "someone@example.com" });
    const user = await client.graph(TENANT_A_ID, "GET", "/users/a1000000-0000-4000-8000-000000000001");
    expect(changed.status).toBe(200);
    expect(user.body.jobTitle).toBe("Store Manager");
    expect(rejected.status).toBe(400);
  });

  it("rejects an invalid partner property", async () => {
    const result = await client.admin("PATCH", `/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, {
      automaticUserConsentSettings: { inbound: true },
    });
    expect(result.status).toBe(400);
  });
});
