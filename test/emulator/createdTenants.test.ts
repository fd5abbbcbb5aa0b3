import { describe, expect, it } from "vitest";

import type { EmulatorClient } from "./emulatorClient";
import { useEmulatorClientPerFile } from "./emulatorClientHooks";

let client: EmulatorClient;

useEmulatorClientPerFile((started) => {
  client = started;
});

describe("POST /_emulator/tenants", () => {
  it("creates a tenant with users, a group and the consented app", async () => {
    const created = await client.admin("POST", "/tenants", { displayName: "Fault pair source" });
    expect(created.status).toBe(201);
    const tenant = created.body;
    expect(tenant.tenantId).toMatch(/^[0-9a-f-]{36}$/);
    expect(tenant.defaultDomainName).toMatch(/\.onmicrosoft\.com$/);
    expect(tenant.users).toHaveLength(4);
    expect(tenant.groups).toHaveLength(1);
    expect(tenant.groups[0].displayName).toBe("All Employees");
    expect(tenant.groups[0].members).toHaveLength(3);
    expect(tenant.partners).toEqual([]);

    const lookup = await client.graph(
      tenant.tenantId,
      "GET",
      `/tenantRelationships/findTenantInformationByDomainName(domainName='${tenant.defaultDomainName}')`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.tenantId).toBe(tenant.tenantId);
    const group = await client.graph(tenant.tenantId, "GET", `/groups/${tenant.groups[0].id}`);
    expect(group.status).toBe(200);
  });

  it("gives each created tenant its own id and domain", async () => {
    const first = await client.admin("POST", "/tenants", { displayName: "One" });
    const second = await client.admin("POST", "/tenants", { displayName: "Two" });
    expect(first.body.tenantId).not.toBe(second.body.tenantId);
    expect(first.body.defaultDomainName).not.toBe(second.body.defaultDomainName);
    const listed = (await client.admin("GET", "/tenants")).body.map((tenant: { tenantId: string }) => tenant.tenantId);
    expect(listed).toContain(first.body.tenantId);
    expect(listed).toContain(second.body.tenantId);
  });

  it("uses the given domain and rejects a taken one with 409", async () => {
    const body = { displayName: "Named", defaultDomainName: "named.onmicrosoft.com" };
    const created = await client.admin("POST", "/tenants", body);
    expect(created.body.defaultDomainName).toBe("named.onmicrosoft.com");
    const again = await client.admin("POST", "/tenants", body);
    expect(again.status).toBe(409);
  });

  it("rejects a body without displayName or with unknown fields", async () => {
    expect((await client.admin("POST", "/tenants", {})).status).toBe(400);
    expect((await client.admin("POST", "/tenants", { displayName: "x", colour: "blue" })).status).toBe(400);
    expect(
      (await client.admin("POST", "/tenants", { displayName: "x", defaultDomainName: "not a domain" })).status,
    ).toBe(400);
  });

  it("drops created tenants on reset", async () => {
    const created = await client.admin("POST", "/tenants", { displayName: "Temporary" });
    await client.admin("POST", "/reset");
    expect((await client.admin("GET", `/tenants/${created.body.tenantId}`)).status).toBe(404);
  });
});
