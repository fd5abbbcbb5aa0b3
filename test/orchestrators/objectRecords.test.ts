import { describe, expect, it } from "vitest";

import {
  applicationRecords,
  assignmentRecords,
  buildOnboardingResult,
  createObjectLedger,
  describeRecords,
  identitySynchronizationRecord,
  partnerRecord,
  policyFlagRecord,
  synchronizationJobRecord,
} from "../../src/orchestrators/onboarding/objectRecords";
import { buildFirstCycleReport } from "../../src/orchestrators/onboarding/firstCycle";
import { jobStatus } from "./support/onboardingFixtures";

describe("object records", () => {
  it("keeps the previous flag value for compensation", () => {
    const record = policyFlagRecord("p", "automaticUserConsentSettings.inboundAllowed", {
      changed: true,
      previousValue: false,
    });
    expect(record).toEqual({
      type: "policyFlag",
      id: "partners/p/automaticUserConsentSettings.inboundAllowed",
      created: true,
      detail: { previousValue: false },
    });
  });

  it("keys the identity synchronization policy by source tenant", () => {
    const record = identitySynchronizationRecord("src", { created: false, previousIsSyncAllowed: false });
    expect(record).toEqual({
      type: "identitySynchronization",
      id: "src",
      created: false,
      detail: { previousIsSyncAllowed: false },
    });
  });

  it("falls back to the partner tenant id when the outcome has no id", () => {
    expect(partnerRecord("p", { id: "", created: true }).id).toBe("p");
  });

  it("records application and service principal", () => {
    const records = applicationRecords({ applicationId: "a", appId: "b", servicePrincipalId: "c", created: false });
    expect(records.map((record) => [record.type, record.id, record.created])).toEqual([
      ["application", "a", false],
      ["servicePrincipal", "c", false],
    ]);
  });

  it("records each assignment with its principal", () => {
    const records = assignmentRecords({
      assignments: [
        { principalId: "u", principalType: "User", assignmentId: "1", created: true },
        { principalId: "g", principalType: "Group", assignmentId: "2", created: false },
      ],
    });
    expect(records[1]).toEqual({
      type: "appRoleAssignment",
      id: "2",
      created: false,
      detail: { principalId: "g", principalType: "Group" },
    });
    expect(describeRecords(records)).toBe("1 created, 1 adopted");
  });

  it("describes single records by verb", () => {
    expect(describeRecords([synchronizationJobRecord("sp", { id: "job", created: true })])).toBe(
      "created synchronizationJob job",
    );
    expect(describeRecords([partnerRecord("p", { id: "p", created: false })])).toBe("adopted partner p");
    const flag = policyFlagRecord("p", "f", { changed: false, previousValue: true });
    expect(describeRecords([flag])).toBe("already set policyFlag partners/p/f");
  });

  it("builds the result from the ledger", () => {
    const ledger = createObjectLedger();
    ledger.target.push(partnerRecord("s", { id: "s", created: true }));
    const tenant = { tenantId: "t", displayName: "T", defaultDomainName: "t.example" };
    const firstCycle = buildFirstCycleReport(jobStatus(), "timedOut");
    const result = buildOnboardingResult({ source: tenant, target: tenant }, "name", ledger, firstCycle);
    expect(result.objects.target).toHaveLength(1);
    expect(result.objects.source).toEqual([]);
    expect(result.configurationName).toBe("name");
    ledger.target.push(partnerRecord("x", { id: "x", created: true }));
    expect(result.objects.target).toHaveLength(1);
  });
});
