import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_EMPLOYEES_GROUP_ID, TENANT_A_ID, TENANT_C_ID } from "../../emulator/fixture";
import { EmulatorClient } from "./emulatorClient";

let client: EmulatorClient;

beforeAll(async () => {
  client = await EmulatorClient.start();
});
afterAll(() => client.close());

const query = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params).toString()}`;

describe("$filter over HTTP", () => {
  it("finds a user whose name contains a quote", async () => {
    const result = await client.graph(TENANT_C_ID, "GET", query("/users", { $filter: "surname eq 'O''Fernandez'" }));
    expect(result.status).toBe(200);
    expect(result.body.value).toHaveLength(1);
    expect(result.body.value[0].displayName).toBe("Patti O'Fernandez");
  });

  it("answers an unbalanced quote with 400 Request_BadRequest", async () => {
    const result = await client.graph(TENANT_C_ID, "GET", query("/users", { $filter: "surname eq 'O'Fernandez'" }));
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("Request_BadRequest");
    expect(result.body.error.message).toMatch(/^Invalid filter clause/);
  });

  it("filters users by userPrincipalName and startswith", async () => {
    const byUpn = await client.graph(
      TENANT_A_ID,
      "GET",
      query("/users", { $filter: "userPrincipalName eq 'adelev@m365x15302292.onmicrosoft.com'" }),
    );
    const byPrefix = await client.graph(
      TENANT_A_ID,
      "GET",
      query("/users", { $filter: "startswith(displayName,'A')" }),
    );
    expect(byUpn.body.value.map((user: { id: string }) => user.id)).toEqual(["a1000000-0000-4000-8000-000000000001"]);
    const names = byPrefix.body.value.map((user: { displayName: string }) => user.displayName);
    expect(names).toEqual(["Adele Vance", "Alex Wilber"]);
  });

  it("rejects filtering on a property the collection does not support", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", query("/users", { $filter: "shoeSize eq 42" }));
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe("Request_BadRequest");
  });

  it("filters groups by displayName", async () => {
    const result = await client.graph(
      TENANT_A_ID,
      "GET",
      query("/groups", { $filter: "displayName eq 'All Employees'" }),
    );
    expect(result.body.value.map((group: { id: string }) => group.id)).toEqual([ALL_EMPLOYEES_GROUP_ID]);
  });
});

describe("paging", () => {
  it("pages with $top and an absolute @odata.nextLink until it is absent", async () => {
    const token = await client.token(TENANT_A_ID);
    const first = await client.graph(TENANT_A_ID, "GET", "/users?$top=4");
    expect(first.body.value).toHaveLength(4);
    expect(first.body["@odata.nextLink"]).toMatch(new RegExp(`^${client.url}/v1.0/users\\?`));
    const second = await client.raw("GET", first.body["@odata.nextLink"], { authorization: `Bearer ${token}` });
    expect(second.body.value).toHaveLength(2);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
    const ids = [...first.body.value, ...second.body.value].map((user: { id: string }) => user.id);
    expect(new Set(ids).size).toBe(6);
  });

  it("keeps the filter on the next page", async () => {
    const token = await client.token(TENANT_A_ID);
    const first = await client.graph(
      TENANT_A_ID,
      "GET",
      query("/users", { $filter: "accountEnabled eq true", $top: "3" }),
    );
    const second = await client.raw("GET", first.body["@odata.nextLink"], { authorization: `Bearer ${token}` });
    expect(first.body.value).toHaveLength(3);
    expect(second.body.value).toHaveLength(2);
  });

  it("rejects an invalid $top", async () => {
    const result = await client.graph(TENANT_A_ID, "GET", "/users?$top=0");
    expect(result.status).toBe(400);
  });
});

describe("users and groups", () => {
  it("returns Graph's default user properties unless $select asks for more", async () => {
    const plain = await client.graph(TENANT_A_ID, "GET", "/users/a1000000-0000-4000-8000-000000000001");
    const selected = await client.graph(
      TENANT_A_ID,
      "GET",
      "/users/a1000000-0000-4000-8000-000000000001?$select=id,userType,accountEnabled,creationType",
    );
    expect(plain.body.userType).toBeUndefined();
    expect(plain.body["@odata.context"]).toBe(`${client.url}/v1.0/$metadata#users/$entity`);
    expect(selected.body).toMatchObject({
      id: "a1000000-0000-4000-8000-000000000001",
      userType: "Member",
      accountEnabled: true,
      creationType: null,
    });
    expect(selected.body.displayName).toBeUndefined();
  });

  it("answers 400 for an unknown $select property and 404 for an unknown user", async () => {
    const badSelect = await client.graph(
      TENANT_A_ID,
      "GET",
      "/users/a1000000-0000-4000-8000-000000000001?$select=shoeSize",
    );
    const missing = await client.graph(TENANT_A_ID, "GET", "/users/a1000000-0000-4000-8000-0000000000ff");
    expect(badSelect.status).toBe(400);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("Request_ResourceNotFound");
  });

  it("lists group members", async () => {
    const group = await client.graph(TENANT_A_ID, "GET", `/groups/${ALL_EMPLOYEES_GROUP_ID}`);
    const members = await client.graph(TENANT_A_ID, "GET", `/groups/${ALL_EMPLOYEES_GROUP_ID}/members`);
    expect(group.body.displayName).toBe("All Employees");
    expect(members.body.value).toHaveLength(4);
    expect(members.body.value.some((user: { displayName: string }) => user.displayName === "Megan Bowen")).toBe(false);
  });
});
