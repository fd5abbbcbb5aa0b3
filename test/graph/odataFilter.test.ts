import { describe, expect, it } from "vitest";

import { quoteODataString } from "../../src/graph/odataFilter";

describe("quoteODataString", () => {
  it("wraps a value in single quotes", () => {
    expect(quoteODataString("Guest sync to Tenant B")).toBe("'Guest sync to Tenant B'");
  });

  it("doubles every single quote", () => {
    expect(quoteODataString("O'Neil's sync")).toBe("'O''Neil''s sync'");
    expect(quoteODataString("''")).toBe("''''''");
  });

  it("quotes an empty value", () => {
    expect(quoteODataString("")).toBe("''");
  });
});
