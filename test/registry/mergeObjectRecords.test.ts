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

  it("drops the application, service principal and job a rerun replaced", () => {
    const earlier: { source: TenantObjectRecord[]; target: TenantObjectRecord[] } = {
      source: [
        { type: "partner" as const, id: "b", created: true },
        { type: "application" as const, id: "app-old", created: true, detail: { appId: "appid-old" } },
        { type: "servicePrincipal" as const, id: "sp-old", created: true },
        { type: "synchronizationJob" as const, id: "job-old", created: true, detail: { servicePrincipalId: "sp-old" } },
        { type: "appRoleAssignment" as const, id: "assignment-old", created: true },
      ],
      target: [],
    };
    const latest: { source: TenantObjectRecord[]; target: TenantObjectRecord[] } = {
      source: [
        { type: "partner" as const, id: "b", created: false },
        { type: "application" as const, id: "app-new", created: true, detail: { appId: "appid-new" } },
        { type: "servicePrincipal" as const, id: "sp-new", created: true },
        { type: "synchronizationJob" as const, id: "job-new", created: true, detail: { servicePrincipalId: "sp-new" } },
      ],
      target: [],
    };

    const merged = mergeObjectRecords(earlier, latest).source;

    expect(merged.map((record) => record.id)).toEqual(["b", "app-new", "sp-new", "job-new"]);
    expect(merged[0]?.created).toBe(true);
  });

  it("keeps the assignments of a service principal the rerun adopted", () => {
    const servicePrincipal = { type: "servicePrincipal" as const, id: "sp", created: true };
    const assignment: TenantObjectRecord = { type: "appRoleAssignment", id: "assignment-1", created: true };
    const earlier = { source: [servicePrincipal, assignment], target: [] };
    const latest = { source: [{ ...servicePrincipal, created: false }], target: [] };

    expect(mergeObjectRecords(earlier, latest).source).toEqual([assignment, servicePrincipal]);
  });

  it("keeps the sync objects when the rerun failed before listing any", () => {
    const application = { type: "application" as const, id: "app", created: true };
    const earlier = { source: [application], target: [] };
    const latest = { source: [{ type: "partner" as const, id: "b", created: true }], target: [] };

    expect(mergeObjectRecords(earlier, latest).source).toEqual([application, ...latest.source]);
  });
});
