import { describe, expect, it } from "vitest";

import { MAX_SCOPE_IDS, validateTenantPairRequest } from "../../src/http/tenantPairRequest";

const USER = "33333333-3333-4333-8333-333333333333";
const GROUP = "66666666-6666-4666-8666-666666666666";
const SOURCE = "11111111-1111-4111-8111-111111111111";

function valid(): Record<string, unknown> {
  return { source: SOURCE, target: "fabrikam.onmicrosoft.com", scope: { users: [USER] } };
}

function problemsOf(body: unknown) {
  const result = validateTenantPairRequest(body);
  return result.ok ? [] : result.errors;
}

function pointersOf(body: unknown): string[] {
  return problemsOf(body).map((problem) => problem.pointer);
}

describe("validateTenantPairRequest", () => {
  it("accepts a tenant id and a domain name", () => {
    const result = validateTenantPairRequest(valid());
    expect(result).toEqual({
      ok: true,
      value: {
        source: SOURCE,
        target: "fabrikam.onmicrosoft.com",
        scope: { users: [USER], groups: [] },
        rollbackOnFailure: true,
      },
    });
  });

  it("keeps rollbackOnFailure false when the body sets it", () => {
    const result = validateTenantPairRequest({ ...valid(), rollbackOnFailure: false });
    expect(result.ok).toBe(true);
    expect(result.ok ? result.value.rollbackOnFailure : undefined).toBe(false);
  });

  it("keeps the configuration name and lower-cases object ids", () => {
    const result = validateTenantPairRequest({
      ...valid(),
      configurationName: "HR sync",
      scope: { groups: [GROUP.toUpperCase()] },
    });
    expect(result.ok).toBe(true);
    expect(result.ok ? result.value.configurationName : undefined).toBe("HR sync");
    expect(result.ok ? result.value.scope : undefined).toEqual({ users: [], groups: [GROUP] });
  });

  const invalidCases: [string, Record<string, unknown>, string][] = [
    ["missing source", { target: "fabrikam.com", scope: { users: [USER] } }, "/source"],
    ["rollbackOnFailure not a boolean", { ...valid(), rollbackOnFailure: "no" }, "/rollbackOnFailure"],
    ["source not a string", { ...valid(), source: 42 }, "/source"],
    ["source neither GUID nor domain", { ...valid(), source: "not a tenant" }, "/source"],
    ["single-label domain", { ...valid(), target: "localhost" }, "/target"],
    ["IPv4 address as domain", { ...valid(), target: "10.0.0.1" }, "/target"],
    ["label with leading hyphen", { ...valid(), target: "-bad.example.com" }, "/target"],
    ["label over 63 characters", { ...valid(), target: `${"a".repeat(64)}.com` }, "/target"],
    ["domain with a trailing dot", { ...valid(), target: "fabrikam.com." }, "/target"],
    ["same tenant, other case", { ...valid(), target: SOURCE.toUpperCase() }, "/target"],
    ["unknown top-level field", { ...valid(), extra: true }, "/extra"],
    ["unknown scope field", { ...valid(), scope: { users: [USER], devices: [] } }, "/scope/devices"],
    ["missing scope", { source: SOURCE, target: "fabrikam.com" }, "/scope"],
    ["scope not an object", { ...valid(), scope: [USER] }, "/scope"],
    ["empty scope", { ...valid(), scope: {} }, "/scope"],
    ["empty lists", { ...valid(), scope: { users: [], groups: [] } }, "/scope"],
    ["user id not a GUID", { ...valid(), scope: { users: ["alice@contoso.com"] } }, "/scope/users/0"],
    ["group id not a string", { ...valid(), scope: { groups: [7] } }, "/scope/groups/0"],
    ["users not an array", { ...valid(), scope: { users: USER } }, "/scope/users"],
    ["repeated user id", { ...valid(), scope: { users: [USER, USER.toUpperCase()] } }, "/scope/users/1"],
    ["too many users", { ...valid(), scope: { users: manyIds(MAX_SCOPE_IDS + 1) } }, "/scope/users"],
    ["empty configuration name", { ...valid(), configurationName: "" }, "/configurationName"],
    ["blank configuration name", { ...valid(), configurationName: "   " }, "/configurationName"],
    ["configuration name too long", { ...valid(), configurationName: "x".repeat(257) }, "/configurationName"],
    ["control character in name", { ...valid(), configurationName: "HR\u0000sync" }, "/configurationName"],
    ["configuration name not a string", { ...valid(), configurationName: 5 }, "/configurationName"],
  ];

  it.each(invalidCases)("rejects %s", (_name, body, pointer) => {
    expect(pointersOf(body)).toEqual([pointer]);
  });

  it("accepts the maximum list size and name length", () => {
    const body = { ...valid(), configurationName: "x".repeat(256), scope: { users: manyIds(MAX_SCOPE_IDS) } };
    expect(validateTenantPairRequest(body).ok).toBe(true);
  });

  it("lists every problem together, sorted by pointer", () => {
    const body = {
      source: "bad tenant",
      target: 1,
      extra: "x",
      configurationName: "",
      scope: { users: ["nope", USER, USER], other: 1 },
    };
    expect(pointersOf(body)).toEqual([
      "/configurationName",
      "/extra",
      "/scope/other",
      "/scope/users/0",
      "/scope/users/2",
      "/source",
      "/target",
    ]);
  });

  it("reports an empty scope next to other scope problems", () => {
    expect(pointersOf({ ...valid(), scope: { users: [], extra: 1 } })).toEqual(["/scope", "/scope/extra"]);
  });

  it("says a missing field is required", () => {
    expect(problemsOf({ target: "fabrikam.com", scope: { users: [USER] } })).toEqual([
      { pointer: "/source", detail: "is required" },
    ]);
  });

  it("rejects a body that is not an object", () => {
    expect(pointersOf([])).toEqual([""]);
  });
});

function manyIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`);
}
