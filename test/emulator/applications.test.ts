import { describe, expect, it } from "vitest";
import { CROSS_TENANT_SYNC_TEMPLATE_ID, FIXTURE_CLIENT_ID, TENANT_A_ID } from "../../emulator/fixture";
import { type EmulatorClient, waitFor } from "./emulatorClient";
import { useEmulatorClientPerFile } from "./emulatorClientHooks";

let client: EmulatorClient;
const INSTANTIATE = `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`;

useEmulatorClientPerFile((started) => {
  client = started;
});

const visible = (path: string) =>
  waitFor(async () => {
    const result = await client.graph(TENANT_A_ID, "GET", path);
    return result.status === 200 ? result : undefined;
  }, `${path} to replicate`);

describe("application template", () => {
  it("returns the cross-tenant sync template and 404 for another id", async () => {
    const known = await client.graph(TENANT_A_ID, "GET", `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}`);
    const unknown = await client.graph(
      TENANT_A_ID,
      "GET",
      "/applicationTemplates/00000000-0000-0000-0000-000000000000",
    );
    expect(known.body.id).toBe(CROSS_TENANT_SYNC_TEMPLATE_ID);
    expect(unknown.status).toBe(404);
  });

  it("instantiates an application and a service principal with the msiam_access role", async () => {
    const result = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Sync to B" });
    const { application, servicePrincipal } = result.body;
    expect(result.status).toBe(201);
    expect(application.applicationTemplateId).toBe(CROSS_TENANT_SYNC_TEMPLATE_ID);
    expect(servicePrincipal.applicationTemplateId).toBe(CROSS_TENANT_SYNC_TEMPLATE_ID);
    expect(servicePrincipal.appId).toBe(application.appId);
    expect(servicePrincipal.appRoleAssignmentRequired).toBe(true);
    expect(servicePrincipal.tags).toContain("WindowsAzureActiveDirectoryIntegratedApp");
    expect(servicePrincipal.appRoles).toHaveLength(1);
    expect(servicePrincipal.appRoles[0]).toMatchObject({
      displayName: "msiam_access",
      allowedMemberTypes: ["User"],
      isEnabled: true,
    });
    expect(servicePrincipal.appRoles[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives each instance a fresh role id", async () => {
    const first = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "One" });
    const second = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Two" });
    expect(first.body.servicePrincipal.appRoles[0].id).not.toBe(second.body.servicePrincipal.appRoles[0].id);
  });

  it("rejects instantiate without a displayName", async () => {
    const result = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, {});
    expect(result.status).toBe(400);
  });
});

describe("replication", () => {
  it("answers 404 for new objects until the replication delay has passed", async () => {
    await client.admin("PUT", "/settings", { replicationDelayMs: 300 });
    const created = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Replicating" });
    const { application, servicePrincipal } = created.body;
    const early = await client.graph(TENANT_A_ID, "GET", `/servicePrincipals/${servicePrincipal.id}`);
    const earlyApp = await client.graph(TENANT_A_ID, "GET", `/applications/${application.id}`);
    const earlyFilter = await client.graph(
      TENANT_A_ID,
      "GET",
      `/servicePrincipals?$filter=appId eq '${application.appId}'`,
    );
    const earlyJobs = await client.graph(
      TENANT_A_ID,
      "GET",
      `/servicePrincipals/${servicePrincipal.id}/synchronization/templates`,
    );
    expect(early.status).toBe(404);
    expect(early.body.error.message).toBe(
      `Resource '${servicePrincipal.id}' does not exist or one of its queried reference-property objects ` +
        "are not present.",
    );
    expect(earlyApp.status).toBe(404);
    expect(earlyFilter.body.value).toEqual([]);
    expect(earlyJobs.status).toBe(404);
    const late = await visible(`/servicePrincipals/${servicePrincipal.id}`);
    expect(late.body.id).toBe(servicePrincipal.id);
  });
});

describe("applications and service principals", () => {
  it("finds objects by applicationTemplateId and a quoted displayName", async () => {
    const created = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Bob's sync" });
    await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Other sync" });
    await visible(`/applications/${created.body.application.id}`);
    const filter = `applicationTemplateId eq '${CROSS_TENANT_SYNC_TEMPLATE_ID}' and displayName eq 'Bob''s sync'`;
    const apps = await client.graph(TENANT_A_ID, "GET", `/applications?$filter=${encodeURIComponent(filter)}`);
    const sps = await client.graph(
      TENANT_A_ID,
      "GET",
      `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${created.body.application.appId}'`)}`,
    );
    expect(apps.body.value.map((app: { id: string }) => app.id)).toEqual([created.body.application.id]);
    expect(sps.body.value.map((sp: { id: string }) => sp.id)).toEqual([created.body.servicePrincipal.id]);
  });

  it("deletes a service principal with 204 and then answers 404", async () => {
    const created = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Short-lived" });
    const id = created.body.servicePrincipal.id;
    await visible(`/servicePrincipals/${id}`);
    const deleted = await client.graph(TENANT_A_ID, "DELETE", `/servicePrincipals/${id}`);
    const again = await client.graph(TENANT_A_ID, "DELETE", `/servicePrincipals/${id}`);
    expect(deleted.status).toBe(204);
    expect(again.status).toBe(404);
  });

  it("deletes the service principal along with its application", async () => {
    const created = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Cascade" });
    await visible(`/applications/${created.body.application.id}`);
    const deleted = await client.graph(TENANT_A_ID, "DELETE", `/applications/${created.body.application.id}`);
    const sp = await client.graph(TENANT_A_ID, "GET", `/servicePrincipals/${created.body.servicePrincipal.id}`);
    expect(deleted.status).toBe(204);
    expect(sp.status).toBe(404);
  });
});

describe("Application.ReadWrite.OwnedBy", () => {
  it("shows a caller the objects it created", async () => {
    const dump = (await client.admin("GET", `/tenants/${TENANT_A_ID}`)).body;
    expect(dump.applications).toEqual([]);
    const created = await client.graph(TENANT_A_ID, "POST", INSTANTIATE, { displayName: "Owned" });
    await visible(`/applications/${created.body.application.id}`);
    await client.admin("PUT", `/tenants/${TENANT_A_ID}/grants`, {
      clientId: FIXTURE_CLIENT_ID,
      roles: ["Application.ReadWrite.OwnedBy"],
    });
    client.forgetTokens();
    const owned = await client.graph(TENANT_A_ID, "GET", "/applications");
    const single = await client.graph(TENANT_A_ID, "GET", `/applications/${created.body.application.id}`);
    expect(owned.body.value.map((app: { id: string }) => app.id)).toEqual([created.body.application.id]);
    expect(single.status).toBe(200);
  });
});
