import { describe, expect, it } from "vitest";
import { matchesFilter } from "../../emulator/http/filterEvaluator";
import { FilterSyntaxError, parseFilter } from "../../emulator/http/filterParser";

const matches = (filter: string, item: object) => matchesFilter(parseFilter(filter), item);

describe("filter parser", () => {
  it("reads a doubled quote inside a literal as one quote", () => {
    expect(parseFilter("displayName eq 'O''Brien'")).toEqual({
      kind: "comparison",
      path: ["displayName"],
      operator: "eq",
      literal: { kind: "string", value: "O'Brien" },
    });
  });

  it("rejects an unbalanced quote", () => {
    expect(() => parseFilter("displayName eq 'O'Brien'")).toThrow(FilterSyntaxError);
    expect(() => parseFilter("displayName eq 'open")).toThrow(FilterSyntaxError);
  });

  const malformed = [
    "displayName",
    "displayName eq",
    "eq 'x'",
    "displayName like 'x'",
    "a eq 'x' and",
    "(a eq 'x'",
    "startswith(a)",
    "",
  ];
  it.each(malformed)("rejects malformed clause %j", (clause) => {
    expect(() => parseFilter(clause)).toThrow(FilterSyntaxError);
  });

  it("parses GUID, number, boolean, null and date-time literals", () => {
    const literal = (text: string) => {
      const node = parseFilter(`x eq ${text}`);
      return node.kind === "comparison" ? node.literal : undefined;
    };
    const guid = "5f4c3b2a-1d0e-4f9a-8b7c-6d5e4f3a2b1c";
    expect(literal(guid)).toEqual({ kind: "guid", value: guid });
    expect(literal("42")).toEqual({ kind: "number", value: 42 });
    expect(literal("true")).toEqual({ kind: "boolean", value: true });
    expect(literal("null")).toEqual({ kind: "null", value: null });
    expect(literal("2024-01-02T03:04:05Z")).toEqual({ kind: "dateTime", value: "2024-01-02T03:04:05Z" });
  });
});

describe("filter evaluation", () => {
  const log = {
    jobId: "Azure2Azure.abc",
    activityDateTime: "2024-05-01T10:00:00.500Z",
    servicePrincipal: { id: "sp-1" },
    provisioningStatusInfo: { status: "failure" },
    count: 3,
    enabled: false,
  };

  it("compares nested properties", () => {
    expect(matches("servicePrincipal/id eq 'sp-1'", log)).toBe(true);
    expect(matches("provisioningStatusInfo/status eq 'success'", log)).toBe(false);
  });

  it("compares date-times as instants with ge and le", () => {
    expect(matches("activityDateTime ge 2024-05-01T10:00:00Z", log)).toBe(true);
    expect(matches("activityDateTime le 2024-05-01T10:00:00Z", log)).toBe(false);
    const window = "activityDateTime ge 2024-05-01T09:00:00Z and activityDateTime le 2024-05-01T11:00:00Z";
    expect(matches(window, log)).toBe(true);
  });

  it("combines and, or, not and parentheses", () => {
    expect(matches("jobId eq 'x' or (count eq 3 and enabled eq false)", log)).toBe(true);
    expect(matches("not (count eq 3)", log)).toBe(false);
  });

  it("matches strings and startswith without regard to case", () => {
    expect(matches("jobId eq 'AZURE2AZURE.ABC'", log)).toBe(true);
    expect(matches("startswith(jobId,'azure2')", log)).toBe(true);
    expect(matches("startswith(jobId,'sync')", log)).toBe(false);
  });

  it("treats a missing property as null", () => {
    expect(matches("missing eq null", log)).toBe(true);
    expect(matches("missing eq 'x'", log)).toBe(false);
  });
});
