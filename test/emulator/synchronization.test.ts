import { beforeEach, describe, expect, it } from "vitest";
import { ALL_EMPLOYEES_GROUP_ID, TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import { type EmulatorClient, sleep } from "./emulatorClient";
import { useEmulatorClientPerFile } from "./emulatorClientHooks";
import { allowSyncFromAToB, assign, createSyncApplication, type SyncApplication } from "./syncPairSetup";

let client: EmulatorClient;
let app: SyncApplication;
let sync: string;

const VALID_CREDENTIALS = {
  useSavedCredentials: false,
  templateId: "Azure2Azure",
  credentials: [
    { key: "CompanyId", value: TENANT_B_ID },
    { key: "AuthenticationType", value: "SyncPolicy" },
  ],
};

useEmulatorClientPerFile((started) => {
  client = started;
});

beforeEach(async () => {
  app = await createSyncApplication(client);
  sync = `/servicePrincipals/${app.servicePrincipalId}/synchronization`;
});

describe("synchronization templates and jobs", () => {
  it("lists the Azure2Azure template with its USER_INBOUND_USER rule", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", `${sync}/templates`);
    expect(result.body.value).toHaveLength(1);
    expect(result.body.value[0].id).toBe("Azure2Azure");
    expect(result.body.value[0].schema.synchronizationRules[0].name).toBe("USER_INBOUND_USER");
  });

  it("creates a paused job with a disabled schedule", async () => {
    const result = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" });
    expect(result.status).toBe(201);
    expect(result.body.id).toMatch(new RegExp(`^Azure2Azure\\.[0-9a-f]{32}\\.${TENANT_A_ID}$`));
    expect(result.body.schedule).toEqual({ expiration: null, interval: "PT40M", state: "Disabled" });
    expect(result.body.status.code).toBe("Paused");
    expect(result.body.status.steadyStateLastAchievedTime).toBe("0001-01-01T00:00:00Z");
  });

  it("answers 409 for a second Azure2Azure job", async () => {
    await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" });
    const second = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/already exists/);
  });

  it("rejects a template the service principal does not have", async () => {
    const result = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "SalesforceOutDelta" });
    expect(result.status).toBe(400);
  });

  it("lists, gets and deletes a job", async () => {
    const created = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" });
    const jobId = created.body.id;
    const listed = await client.graph(TENANT_A_ID, "GET", `${sync}/jobs`);
    const read = await client.graph(TENANT_A_ID, "GET", `${sync}/jobs/${jobId}`);
    const deleted = await client.graph(TENANT_A_ID, "DELETE", `${sync}/jobs/${jobId}`);
    const afterDelete = await client.graph(TENANT_A_ID, "GET", `${sync}/jobs/${jobId}`);
    expect(listed.body.value.map((job: { id: string }) => job.id)).toEqual([jobId]);
    expect(read.body.templateId).toBe("Azure2Azure");
    expect(deleted.status).toBe(204);
    expect(afterDelete.status).toBe(404);
  });

  it("pauses and starts a job", async () => {
    const jobId = (await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" })).body.id;
    const started = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/${jobId}/start`);
    const active = await client.graph(TENANT_A_ID, "GET", `${sync}/jobs/${jobId}`);
    const paused = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/${jobId}/pause`);
    const after = await client.graph(TENANT_A_ID, "GET", `${sync}/jobs/${jobId}`);
    expect(started.status).toBe(204);
    expect(active.body.schedule.state).toBe("Active");
    expect(active.body.status.code).toBe("Active");
    expect(paused.status).toBe(204);
    expect(after.body.status.code).toBe("Paused");
  });

  it("validates restart's resetScope flags", async () => {
    const jobId = (await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" })).body.id;
    const good = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/${jobId}/restart`, {
      criteria: { resetScope: "Watermark, Escrows, QuarantineState" },
    });
    const bad = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/${jobId}/restart`, {
      criteria: { resetScope: "Everything" },
    });
    expect(good.status).toBe(204);
    expect(bad.status).toBe(400);
  });

  it("replaces the job schema with PUT", async () => {
    const jobId = (await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" })).body.id;
    const schema = (await client.graph(TENANT_A_ID, "GET", `${sync}/jobs/${jobId}/schema`)).body;
    schema.synchronizationRules[0].objectMappings[0].attributeMappings = [];
    const put = await client.graph(TENANT_A_ID, "PUT", `${sync}/jobs/${jobId}/schema`, schema);
    const read = await client.graph(TENANT_A_ID, "GET", `${sync}/jobs/${jobId}/schema`);
    expect(put.status).toBe(204);
    expect(read.body.synchronizationRules[0].objectMappings[0].attributeMappings).toEqual([]);
  });
});

describe("synchronization secrets", () => {
  it("saves secrets with 204 and masks them on GET", async () => {
    const put = await client.graph(TENANT_A_ID, "PUT", `${sync}/secrets`, {
      value: [
        { key: "AuthenticationType", value: "SyncPolicy" },
        { key: "CompanyId", value: TENANT_B_ID },
      ],
    });
    const read = await client.graph(TENANT_A_ID, "GET", `${sync}/secrets`);
    expect(put.status).toBe(204);
    expect(read.body.value).toEqual([
      { key: "AuthenticationType", value: "*" },
      { key: "CompanyId", value: "*" },
    ]);
  });

  it("answers 500 InternalError for an unknown key", async () => {
    const result = await client.graph(TENANT_A_ID, "PUT", `${sync}/secrets`, {
      value: [{ key: "companyId", value: TENANT_B_ID }],
    });
    expect(result.status).toBe(500);
    expect(result.body.error.code).toBe("InternalError");
    expect(result.body.error.message).toBe("Requested value 'companyId' was not found.");
  });
});

describe("validateCredentials", () => {
  it("fails with the inbound sync code until the target allows sync", async () => {
    const result = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/validateCredentials`, VALID_CREDENTIALS);
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure");
  });

  it("fails with the auto-redemption code when only inbound sync is allowed", async () => {
    const partners = "/policies/crossTenantAccessPolicy/partners";
    await client.graph(TENANT_B_ID, "POST", partners, { tenantId: TENANT_A_ID });
    await client.graph(TENANT_B_ID, "PUT", `${partners}/${TENANT_A_ID}/identitySynchronization`, {
      userSyncInbound: { isSyncAllowed: true },
    });
    await sleep(60);
    const result = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/validateCredentials`, VALID_CREDENTIALS);
    expect(result.body.error.code).toBe("AzureDirectoryB2BManagementPolicyCheckFailure");
  });

  it("fails right after the policies are set and succeeds once they have propagated", async () => {
    await client.admin("PUT", "/settings", { policyPropagationDelayMs: 250 });
    await allowSyncFromAToB(client);
    const early = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/validateCredentials`, VALID_CREDENTIALS);
    await sleep(300);
    const late = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/validateCredentials`, VALID_CREDENTIALS);
    expect(early.status).toBe(400);
    expect(late.status).toBe(204);
  });

  it("fails when CompanyId names another tenant", async () => {
    await allowSyncFromAToB(client);
    await sleep(60);
    const credentials = [
      { key: "CompanyId", value: TENANT_A_ID },
      { key: "AuthenticationType", value: "SyncPolicy" },
    ];
    const body = { ...VALID_CREDENTIALS, credentials };
    const result = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/validateCredentials`, body);
    expect(result.status).toBe(400);
  });

  it("answers 500 for a credential key in the wrong case", async () => {
    const body = { ...VALID_CREDENTIALS, credentials: [{ key: "companyid", value: TENANT_B_ID }] };
    const result = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/validateCredentials`, body);
    expect(result.status).toBe(500);
    expect(result.body.error.code).toBe("InternalError");
    expect(result.body.error.message).toBe("Requested value 'companyid' was not found.");
  });

  it("uses saved secrets when asked and fails once they have expired", async () => {
    await allowSyncFromAToB(client);
    const jobId = (await client.graph(TENANT_A_ID, "POST", `${sync}/jobs`, { templateId: "Azure2Azure" })).body.id;
    await client.graph(TENANT_A_ID, "PUT", `${sync}/secrets`, { value: VALID_CREDENTIALS.credentials });
    await sleep(60);
    const bound = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/${jobId}/validateCredentials`, {
      useSavedCredentials: true,
    });
    await client.admin(
      "POST",
      `/tenants/${TENANT_A_ID}/servicePrincipals/${app.servicePrincipalId}/synchronization/expireSecrets`,
    );
    const expired = await client.graph(TENANT_A_ID, "POST", `${sync}/jobs/${jobId}/validateCredentials`, {
      useSavedCredentials: true,
    });
    expect(bound.status).toBe(204);
    expect(expired.status).toBe(400);
  });
});

describe("app role assignments", () => {
  it("assigns a group with 201 and lists it", async () => {
    const created = await assign(client, app, ALL_EMPLOYEES_GROUP_ID);
    const listed = await client.graph(
      TENANT_A_ID,
      "GET",
      `/servicePrincipals/${app.servicePrincipalId}/appRoleAssignedTo`,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      appRoleId: app.appRoleId,
      principalId: ALL_EMPLOYEES_GROUP_ID,
      principalType: "Group",
      principalDisplayName: "All Employees",
      resourceId: app.servicePrincipalId,
    });
    expect(listed.body.value.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it("answers 400 for a role the application does not have", async () => {
    const path = `/servicePrincipals/${app.servicePrincipalId}/appRoleAssignedTo`;
    const result = await client.graph(TENANT_A_ID, "POST", path, {
      principalId: ALL_EMPLOYEES_GROUP_ID,
      resourceId: app.servicePrincipalId,
      appRoleId: "00000000-0000-0000-0000-000000000000",
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("Request_BadRequest");
    expect(result.body.error.message).toBe("Permission being assigned was not found on application");
  });

  it("answers 400 for a duplicate assignment", async () => {
    await assign(client, app, ALL_EMPLOYEES_GROUP_ID);
    const duplicate = await assign(client, app, ALL_EMPLOYEES_GROUP_ID);
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toBe("Permission being assigned already exists on the object");
  });

  it("answers 404 for a principal that does not exist", async () => {
    const result = await assign(client, app, "a1000000-0000-4000-8000-0000000000ff");
    expect(result.status).toBe(404);
  });

  it("deletes an assignment with 204", async () => {
    const created = await assign(client, app, "a1000000-0000-4000-8000-000000000006");
    const path = `/servicePrincipals/${app.servicePrincipalId}/appRoleAssignedTo/${created.body.id}`;
    const deleted = await client.graph(TENANT_A_ID, "DELETE", path);
    const again = await client.graph(TENANT_A_ID, "DELETE", path);
    expect(deleted.status).toBe(204);
    expect(again.status).toBe(404);
  });
});
