import { describe, expect, it } from "vitest";

import { configurationNameForPair } from "../../src/http/configurationNameForPair";

const active = { state: "active" as const, applicationId: "app-1", configurationName: "Sync to Fabrikam" };

describe("configurationNameForPair", () => {
  it("keeps the requested name for an unknown pair", () => {
    expect(configurationNameForPair("New name", undefined)).toEqual({ ok: true, name: "New name" });
  });

  it("takes the recorded name when none is requested", () => {
    expect(configurationNameForPair(undefined, active)).toEqual({ ok: true, name: "Sync to Fabrikam" });
  });

  it("accepts the recorded name in another case", () => {
    expect(configurationNameForPair("sync to FABRIKAM", active)).toEqual({ ok: true, name: "sync to FABRIKAM" });
  });

  it("rejects another name while the pair has an application", () => {
    const decision = configurationNameForPair("Other name", active);

    expect(decision.ok).toBe(false);
    expect(decision.ok ? undefined : decision.problem.status).toBe(409);
    expect(decision.ok ? undefined : decision.problem.detail).toContain("'Sync to Fabrikam'");
  });

  it.each([
    ["offboarded", { ...active, state: "offboarded" as const }],
    ["without an application", { ...active, state: "failed" as const, applicationId: null }],
  ])("accepts any name for a pair %s", (_case, record) => {
    expect(configurationNameForPair("Other name", record)).toEqual({ ok: true, name: "Other name" });
  });
});
