import { beforeEach, describe, expect, it } from "vitest";
import { TENANT_A_ID, TENANT_A_DOMAIN, TENANT_B_ID } from "../../emulator/fixture";
import type { EmulatorClient } from "./emulatorClient";
import { useEmulatorClientPerFile } from "./emulatorClientHooks";

let client: EmulatorClient;
const PARTNERS = "/policies/crossTenantAccessPolicy/partners";
const POLICY = `${PARTNERS}/${TENANT_A_ID}/identitySynchronization`;

useEmulatorClientPerFile((started) => {
  client = started;
});

describe("tenant lookup", () => {
  it("finds a tenant by domain and by id", async () => {
    const byDomain = await client.graph(
      TENANT_B_ID,
      "GET",
      `/tenantRelationships/findTenantInformationByDomainName(domainName='${TENANT_A_DOMAIN}')`,
    );
    const byId = await client.graph(
      TENANT_B_ID,
      "GET",
      `/tenantRelationships/findTenantInformationByTenantId(tenantId='${TENANT_A_ID}')`,
    );
    expect(byDomain.body).toMatchObject({
      tenantId: TENANT_A_ID,
      displayName: "Tenant A",
      defaultDomainName: TENANT_A_DOMAIN,
    });
    expect(byId.body.tenantId).toBe(TENANT_A_ID);
  });

  it("answers 404 for an unknown domain", async () => {
    const result = await client.graph(
      TENANT_B_ID,
      "GET",
      "/tenantRelationships/findTenantInformationByDomainName(domainName='nobody.example')",
    );
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("Request_ResourceNotFound");
  });
});

describe("cross-tenant access partners", () => {
  it("creates a partner with 201 and mostly null settings", async () => {
    const result = await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
    expect(result.status).toBe(201);
    expect(result.body.tenantId).toBe(TENANT_A_ID);
    expect(result.body.automaticUserConsentSettings).toBeNull();
    expect(result.body.b2bCollaborationInbound).toBeNull();
  });

  it("answers 409 for a second partner with the same tenant", async () => {
    await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
    const second = await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("Request_MultipleObjectsWithSameKeyValue");
  });

  it("answers 404 for a partner that does not exist", async () => {
    const result = await client.graph(TENANT_B_ID, "GET", `${PARTNERS}/${TENANT_A_ID}`);
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("Request_ResourceNotFound");
  });

  it("patches one member of a complex setting and keeps the others", async () => {
    await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
    const first = await client.graph(TENANT_B_ID, "PATCH", `${PARTNERS}/${TENANT_A_ID}`, {
      automaticUserConsentSettings: { inboundAllowed: true },
    });
    await client.graph(TENANT_B_ID, "PATCH", `${PARTNERS}/${TENANT_A_ID}`, {
      automaticUserConsentSettings: { outboundAllowed: false },
    });
    const partner = await client.graph(TENANT_B_ID, "GET", `${PARTNERS}/${TENANT_A_ID}`);
    expect(first.status).toBe(204);
    expect(partner.body.automaticUserConsentSettings).toEqual({ inboundAllowed: true, outboundAllowed: false });
  });

  it("rejects a property name in the wrong case with 400 Invalid property", async () => {
    await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
    const result = await client.graph(TENANT_B_ID, "PATCH", `${PARTNERS}/${TENANT_A_ID}`, {
      AutomaticUserConsentSettings: { inboundAllowed: true },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("Request_BadRequest");
    expect(result.body.error.message).toBe("Invalid property 'AutomaticUserConsentSettings'.");
  });

  it("lists partners and deletes one with 204", async () => {
    await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
    const listed = await client.graph(TENANT_B_ID, "GET", PARTNERS);
    const deleted = await client.graph(TENANT_B_ID, "DELETE", `${PARTNERS}/${TENANT_A_ID}`);
    const after = await client.graph(TENANT_B_ID, "GET", PARTNERS);
    expect(listed.body.value.map((partner: { tenantId: string }) => partner.tenantId)).toEqual([TENANT_A_ID]);
    expect(deleted.status).toBe(204);
    expect(after.body.value).toEqual([]);
  });
});

describe("identity synchronization policy", () => {
  beforeEach(async () => {
    await client.graph(TENANT_B_ID, "POST", PARTNERS, { tenantId: TENANT_A_ID });
  });

  it("creates with PUT 204 and reads it back", async () => {
    const put = await client.graph(TENANT_B_ID, "PUT", POLICY, {
      displayName: "Tenant A",
      userSyncInbound: { isSyncAllowed: true },
    });
    const read = await client.graph(TENANT_B_ID, "GET", POLICY);
    expect(put.status).toBe(204);
    expect(read.body).toMatchObject({
      tenantId: TENANT_A_ID,
      displayName: "Tenant A",
      userSyncInbound: { isSyncAllowed: true },
    });
  });

  it("answers a second PUT with 409 and ConflictingObjects details", async () => {
    await client.graph(TENANT_B_ID, "PUT", POLICY, {
      displayName: "Tenant A",
      userSyncInbound: { isSyncAllowed: false },
    });
    const second = await client.graph(TENANT_B_ID, "PUT", POLICY, {
      displayName: "Tenant A",
      userSyncInbound: { isSyncAllowed: true },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("Request_MultipleObjectsWithSameKeyValue");
    expect(second.body.error.details[0].code).toBe("ConflictingObjects");
  });

  it("updates with PATCH 204", async () => {
    await client.graph(TENANT_B_ID, "PUT", POLICY, {
      displayName: "Tenant A",
      userSyncInbound: { isSyncAllowed: false },
    });
    const patch = await client.graph(TENANT_B_ID, "PATCH", POLICY, { userSyncInbound: { isSyncAllowed: true } });
    const read = await client.graph(TENANT_B_ID, "GET", POLICY);
    expect(patch.status).toBe(204);
    expect(read.body.userSyncInbound.isSyncAllowed).toBe(true);
    expect(read.body.displayName).toBe("Tenant A");
  });

  it("answers GET 404 and PATCH 404 Directory_ObjectNotFound when absent", async () => {
    const read = await client.graph(TENANT_B_ID, "GET", POLICY);
    const patch = await client.graph(TENANT_B_ID, "PATCH", POLICY, { userSyncInbound: { isSyncAllowed: true } });
    expect(read.status).toBe(404);
    expect(patch.status).toBe(404);
    expect(patch.body.error.code).toBe("Directory_ObjectNotFound");
  });

  it("must be deleted before its partner", async () => {
    await client.graph(TENANT_B_ID, "PUT", POLICY, {
      displayName: "Tenant A",
      userSyncInbound: { isSyncAllowed: true },
    });
    const tooEarly = await client.graph(TENANT_B_ID, "DELETE", `${PARTNERS}/${TENANT_A_ID}`);
    const policyDeleted = await client.graph(TENANT_B_ID, "DELETE", POLICY);
    const partnerDeleted = await client.graph(TENANT_B_ID, "DELETE", `${PARTNERS}/${TENANT_A_ID}`);
    expect(tooEarly.status).toBe(400);
    expect(policyDeleted.status).toBe(204);
    expect(partnerDeleted.status).toBe(204);
  });

  it("rejects an unknown property inside userSyncInbound", async () => {
    const result = await client.graph(TENANT_B_ID, "PUT", POLICY, { userSyncInbound: { IsSyncAllowed: true } });
    expect(result.status).toBe(400);
    expect(result.body.error.message).toBe("Invalid property 'IsSyncAllowed'.");
  });
});
