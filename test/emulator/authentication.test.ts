import { describe, expect, it } from "vitest";
import { FIXTURE_CLIENT_ID, TENANT_A_DOMAIN, TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import type { EmulatorClient } from "./emulatorClient";
import { useEmulatorClientPerFile } from "./emulatorClientHooks";

let client: EmulatorClient;

useEmulatorClientPerFile((started) => {
  client = started;
});

describe("token endpoint", () => {
  it("issues a bearer token for a tenant id", async () => {
    const result = await client.requestToken(TENANT_A_ID);
    expect(result.status).toBe(200);
    expect(result.body.token_type).toBe("Bearer");
    expect(result.body.expires_in).toBe(3599);
    expect(result.body.ext_expires_in).toBe(3599);
    expect(typeof result.body.access_token).toBe("string");
  });

  it("accepts a tenant domain in the path", async () => {
    const result = await client.requestToken(TENANT_A_DOMAIN.toLowerCase());
    expect(result.status).toBe(200);
    const me = await client.raw("GET", "/v1.0/users?$top=1", { authorization: `Bearer ${result.body.access_token}` });
    expect(me.body.value[0].userPrincipalName).toContain(TENANT_A_DOMAIN);
  });

  it("rejects a wrong client secret with 401 invalid_client", async () => {
    const result = await client.requestToken(TENANT_A_ID, { client_secret: "wrong" });
    expect(result.status).toBe(401);
    expect(result.body.error).toBe("invalid_client");
    expect(result.body.error_description).toMatch(/^AADSTS7000215:/);
    expect(result.body.error_codes).toEqual([7000215]);
  });

  it("rejects an unknown client id with 401 invalid_client", async () => {
    const result = await client.requestToken(TENANT_A_ID, { client_id: "00000000-0000-0000-0000-000000000001" });
    expect(result.status).toBe(401);
    expect(result.body.error).toBe("invalid_client");
  });

  it("rejects an unknown tenant with 400 invalid_request", async () => {
    const result = await client.requestToken("contoso.example");
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_request");
  });

  it("rejects another grant type and a scope without /.default", async () => {
    const password = await client.requestToken(TENANT_A_ID, { grant_type: "password" });
    const delegatedScope = await client.requestToken(TENANT_A_ID, { scope: "User.Read" });
    expect(password.body.error).toBe("unsupported_grant_type");
    expect(delegatedScope.body.error).toBe("invalid_scope");
  });
});

describe("Graph authentication", () => {
  it("answers 401 InvalidAuthenticationToken without a token", async () => {
    const result = await client.raw("GET", "/v1.0/users");
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("answers 401 for an unknown token", async () => {
    const result = await client.raw("GET", "/v1.0/users", { authorization: "Bearer not-a-token" });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("forgets tokens on reset", async () => {
    const token = await client.token(TENANT_A_ID);
    await client.admin("POST", "/reset");
    const result = await client.raw("GET", "/v1.0/users", { authorization: `Bearer ${token}` });
    expect(result.status).toBe(401);
  });

  it("scopes a request to the token's tenant", async () => {
    const users = await client.graph(TENANT_B_ID, "GET", "/users");
    expect(users.body.value).toHaveLength(2);
    expect(users.body.value[0].userPrincipalName).toMatch(/@M365x19742525\.onmicrosoft\.com$/);
  });
});

describe("Graph permissions", () => {
  it("answers 403 Authorization_RequestDenied when the app lacks every accepted role", async () => {
    await client.admin("PUT", `/tenants/${TENANT_A_ID}/grants`, {
      clientId: FIXTURE_CLIENT_ID,
      roles: ["User.Read.All"],
    });
    const users = await client.graph(TENANT_A_ID, "GET", "/users");
    const partners = await client.graph(TENANT_A_ID, "GET", "/policies/crossTenantAccessPolicy/partners");
    expect(users.status).toBe(200);
    expect(partners.status).toBe(403);
    expect(partners.body.error.code).toBe("Authorization_RequestDenied");
    expect(partners.body.error.message).toBe("Insufficient privileges to complete the operation.");
  });

  it("token keeps its issue-time roles", async () => {
    const before = await client.token(TENANT_A_ID);
    await client.admin("PUT", `/tenants/${TENANT_A_ID}/grants`, { clientId: FIXTURE_CLIENT_ID, roles: [] });
    const old = await client.raw("GET", "/v1.0/users", { authorization: `Bearer ${before}` });
    client.forgetTokens();
    const fresh = await client.graph(TENANT_A_ID, "GET", "/users");
    expect(old.status).toBe(200);
    expect(fresh.status).toBe(403);
  });

  it("accepts the read role for reads but not for writes", async () => {
    await client.admin("PUT", `/tenants/${TENANT_A_ID}/grants`, {
      clientId: FIXTURE_CLIENT_ID,
      roles: ["Policy.Read.All"],
    });
    const read = await client.graph(TENANT_A_ID, "GET", "/policies/crossTenantAccessPolicy/partners");
    const write = await client.graph(TENANT_A_ID, "POST", "/policies/crossTenantAccessPolicy/partners", {
      tenantId: TENANT_B_ID,
    });
    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
  });
});
