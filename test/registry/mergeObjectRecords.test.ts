import { describe, expect, it } from "vitest";

import { mergeObjectRecords } from "../../src/registry/mergeObjectRecords";
import type { TenantObjectRecord } from "../../src/shared/onboardingResult";

const flag = (created: boolean, previousValue: boolean | null): TenantObjectRecord => ({
  type: "policyFlag",
  id: "partners/b/automaticUserConsentSettings.inboundAllowed",
  created,
  detail: { previousValue },
});

describe("mergeObjectRecords", () => {
  it("keeps the earlier record of an object the service created", () => {
    const earlier = {
      source: [{ type: "application" as const, id: "APP-1", created: true }],
      target: [flag(true, null)],
    };
    const latest = {
      source: [{ type: "application" as const, id: "app-1", created: false }],
      target: [flag(false, true)],
    };

    const merged = mergeObjectRecords(earlier, latest);

    expect(merged.source).toEqual(earlier.source);
    expect(merged.target).toEqual([flag(true, null)]);
  });

  it("takes the latest record of an object that was adopted before", () => {
    const earlier = { source: [{ type: "partner" as const, id: "b", created: false }], target: [] };
    const latest = {
      source: [{ type: "partner" as const, id: "b", created: false, detail: { note: "x" } }],
      target: [],
    };

    expect(mergeObjectRecords(earlier, latest).source).toEqual(latest.source);
  });

  it("keeps earlier objects the latest run did not list", () => {
    const assignment: TenantObjectRecord = { type: "appRoleAssignment", id: "assignment-1", created: true };
    const earlier = { source: [assignment], target: [] };
    const latest = { source: [{ type: "appRoleAssignment" as const, id: "assignment-2", created: true }], target: [] };

    expect(mergeObjectRecords(earlier, latest).source).toEqual([assignment, ...latest.source]);
  });

  it("uses the latest run's objects for a pair without history", () => {
    const latest = { source: [{ type: "servicePrincipal" as const, id: "sp", created: true }], target: [] };

    expect(mergeObjectRecords({ source: [], target: [] }, latest)).toEqual(latest);
  });
});
