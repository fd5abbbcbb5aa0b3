import { describe, expect, it } from "vitest";

import {
  listKeptObjects,
  planPolicyTeardown,
  planSyncTeardown,
} from "../../../src/orchestrators/offboarding/offboardingPlan";
import type { TenantObjectRecord } from "../../../src/shared/onboardingResult";
import { JOB, SOURCE, SP, TARGET, adoptedSubject, createdSubject } from "./offboardingFixtures";

const pair = { sourceTenantId: SOURCE, targetTenantId: TARGET };

describe("planSyncTeardown", () => {
  it("deletes a created job, then the created application", () => {
    const plan = planSyncTeardown(createdSubject(), pair);
    expect(plan.map((action) => action.activity)).toEqual(["deleteSyncJob", "deleteSyncApplication"]);
    expect(plan[0]?.input).toEqual({ sourceTenantId: SOURCE, servicePrincipalId: SP, jobId: JOB });
  });

  it("pauses an adopted job and removes only the service's assignments", () => {
    const plan = planSyncTeardown(adoptedSubject(), pair);
    expect(plan.map((action) => action.activity)).toEqual(["pauseSyncJob", "removeAppRoleAssignment"]);
    expect(plan[1]?.input).toEqual({ sourceTenantId: SOURCE, servicePrincipalId: SP, assignmentId: "assignment-1" });
  });

  it("deletes every created application and job", () => {
    const live = createdSubject();
    const stale: TenantObjectRecord[] = [
      { type: "application" as const, id: "app-0", created: true, detail: { appId: "appid-0" } },
      { type: "servicePrincipal" as const, id: "sp-0", created: true },
      { type: "synchronizationJob" as const, id: "job-0", created: true, detail: { servicePrincipalId: "sp-0" } },
    ];
    const subject = { ...live, objects: { ...live.objects, source: [...stale, ...live.objects.source] } };

    const plan = planSyncTeardown(subject, pair);

    expect(plan.map((action) => `${action.activity} ${action.change.id}`)).toEqual([
      "deleteSyncJob job-0",
      `deleteSyncJob ${JOB}`,
      "deleteSyncApplication app-0",
      "deleteSyncApplication app-1",
    ]);
    expect(plan[0]?.input).toEqual({ sourceTenantId: SOURCE, servicePrincipalId: "sp-0", jobId: "job-0" });
    expect(plan[2]?.input).toEqual({ sourceTenantId: SOURCE, servicePrincipalId: "sp-0", applicationId: "app-0" });
    expect(plan[3]?.input).toEqual({ sourceTenantId: SOURCE, servicePrincipalId: SP, applicationId: "app-1" });
  });

  it("plans nothing without a service principal", () => {
    const subject = { applicationId: null, servicePrincipalId: null, jobId: null, objects: { source: [], target: [] } };
    expect(planSyncTeardown(subject, pair)).toEqual([]);
  });
});

describe("planPolicyTeardown", () => {
  it("restores flags and deletes the policy before the partners", () => {
    const plan = planPolicyTeardown(createdSubject(), pair);
    expect(
      plan.map((action) => `${action.activity} ${action.change.tenantId === SOURCE ? "source" : "target"}`),
    ).toEqual([
      "restorePartnerFlag source",
      "deletePartner source",
      "restorePartnerFlag target",
      "removeIdentitySynchronization target",
      "deletePartner target",
    ]);
  });

  it("keeps adopted partners and restores an adopted policy", () => {
    const plan = planPolicyTeardown(adoptedSubject(), pair);
    expect(plan.map((action) => action.activity)).toEqual(["restoreInboundSync"]);
    expect(plan[0]?.input).toEqual({ sourceTenantId: SOURCE, targetTenantId: TARGET, previousIsSyncAllowed: false });
  });
});

describe("listKeptObjects", () => {
  it("lists adopted directory objects only", () => {
    expect(listKeptObjects(adoptedSubject(), pair).map((object) => object.objectType)).toEqual([
      "partner",
      "application",
      "servicePrincipal",
      "synchronizationJob",
      "partner",
      "identitySynchronization",
    ]);
    expect(listKeptObjects(createdSubject(), pair)).toEqual([]);
  });
});
