import { describe, expect, it } from "vitest";

import {
  inboundSyncRecord,
  preexistingApplicationIds,
  principalAssignmentRecords,
  sourcePartnerRecord,
  sourceRedemptionRecord,
  syncApplicationRecords,
  syncJobRecord,
  targetPartnerRecord,
  targetRedemptionRecord,
} from "../../src/orchestrators/onboarding/snapshotRecords";
import type { SyncApplication } from "../../src/shared/onboardingContracts";
import type { SnapshotApplication, TenantPairSnapshot } from "../../src/shared/tenantPairSnapshot";

const SOURCE = "11111111-1111-4111-8111-111111111111";
const TARGET = "22222222-2222-4222-8222-222222222222";

function snapshot(overrides: Partial<TenantPairSnapshot> = {}): TenantPairSnapshot {
  return {
    targetPartner: { exists: false, inboundAllowed: null },
    identitySynchronization: { exists: false, isSyncAllowed: null },
    sourcePartner: { exists: false, outboundAllowed: null },
    syncApplications: [],
    ...overrides,
  };
}

const application: SyncApplication = {
  applicationId: "app-1",
  appId: "appid-1",
  servicePrincipalId: "sp-1",
  created: false,
};

function applicationBefore(overrides: Partial<SnapshotApplication> = {}): SnapshotApplication {
  return {
    applicationId: "app-1",
    appId: "appid-1",
    servicePrincipalId: "sp-1",
    jobIds: [],
    assignments: [],
    ...overrides,
  };
}

describe("partner records from the snapshot", () => {
  it("absent before is created though the step adopted", () => {
    const record = targetPartnerRecord(snapshot(), SOURCE, { id: SOURCE, created: false });
    expect(record).toEqual({ type: "partner", id: SOURCE, created: true });
  });

  it("present before is adopted though the step created", () => {
    const before = snapshot({ sourcePartner: { exists: true, outboundAllowed: false } });
    expect(sourcePartnerRecord(before, TARGET, { id: TARGET, created: true }).created).toBe(false);
  });
});

describe("identity synchronization record from the snapshot", () => {
  it("absent before is created with no previous value", () => {
    const record = inboundSyncRecord(snapshot(), SOURCE);
    expect(record.created).toBe(true);
    expect(record.detail).toEqual({ previousIsSyncAllowed: null });
  });

  it("present before keeps its earlier isSyncAllowed", () => {
    const record = inboundSyncRecord(
      snapshot({ identitySynchronization: { exists: true, isSyncAllowed: false } }),
      SOURCE,
    );
    expect(record.created).toBe(false);
    expect(record.detail).toEqual({ previousIsSyncAllowed: false });
  });
});

describe("policy flag records from the snapshot", () => {
  it("false before is changed with previous value false", () => {
    const record = targetRedemptionRecord(snapshot({ targetPartner: { exists: true, inboundAllowed: false } }), SOURCE);
    expect(record.id).toBe(`partners/${SOURCE}/automaticUserConsentSettings.inboundAllowed`);
    expect(record.created).toBe(true);
    expect(record.detail).toEqual({ previousValue: false });
  });

  it("inherited before is changed with previous value null", () => {
    const record = sourceRedemptionRecord(snapshot({ sourcePartner: { exists: true, outboundAllowed: null } }), TARGET);
    expect(record.id).toBe(`partners/${TARGET}/automaticUserConsentSettings.outboundAllowed`);
    expect(record.created).toBe(true);
    expect(record.detail).toEqual({ previousValue: null });
  });

  it("true before is unchanged", () => {
    const record = targetRedemptionRecord(snapshot({ targetPartner: { exists: true, inboundAllowed: true } }), SOURCE);
    expect(record.created).toBe(false);
    expect(record.detail).toEqual({ previousValue: true });
  });
});

describe("application records from the snapshot", () => {
  it("absent before is created with its service principal", () => {
    const records = syncApplicationRecords(snapshot(), { ...application, created: false });
    expect(records.map((record) => [record.type, record.id, record.created])).toEqual([
      ["application", "app-1", true],
      ["servicePrincipal", "sp-1", true],
    ]);
  });

  it("present before is adopted though the step created", () => {
    const before = snapshot({ syncApplications: [applicationBefore()] });
    const records = syncApplicationRecords(before, { ...application, created: true });
    expect(records.map((record) => record.created)).toEqual([false, false]);
  });

  it("lists the applications found before as preexisting", () => {
    const before = snapshot({ syncApplications: [applicationBefore(), applicationBefore({ applicationId: "app-2" })] });
    expect(preexistingApplicationIds(before)).toEqual(["app-1", "app-2"]);
  });
});

describe("job record from the snapshot", () => {
  it("job under a new application is created though the step adopted", () => {
    const record = syncJobRecord(snapshot(), application, { id: "job-1", created: false });
    expect(record).toEqual({
      type: "synchronizationJob",
      id: "job-1",
      created: true,
      detail: { servicePrincipalId: "sp-1" },
    });
  });

  it("job absent before is created though the step adopted", () => {
    const before = snapshot({ syncApplications: [applicationBefore({ jobIds: [] })] });
    expect(syncJobRecord(before, application, { id: "job-1", created: false }).created).toBe(true);
  });

  it("job present before is adopted though the step created", () => {
    const before = snapshot({ syncApplications: [applicationBefore({ jobIds: ["job-1"] })] });
    expect(syncJobRecord(before, application, { id: "job-1", created: true }).created).toBe(false);
  });

  it("unreadable jobs leave the step's view", () => {
    const before = snapshot({ syncApplications: [applicationBefore({ jobIds: null })] });
    expect(syncJobRecord(before, application, { id: "job-1", created: true }).created).toBe(true);
    expect(syncJobRecord(before, application, { id: "job-1", created: false }).created).toBe(false);
  });
});

describe("assignment records from the snapshot", () => {
  const output = {
    assignments: [
      { principalId: "user-1", principalType: "User" as const, assignmentId: "AS-1", created: false },
      { principalId: "group-1", principalType: "Group" as const, assignmentId: "as-2", created: true },
    ],
  };

  it("assignments under a new application are created", () => {
    const records = principalAssignmentRecords(snapshot(), application, output);
    expect(records.map((record) => record.created)).toEqual([true, true]);
  });

  it("decides each assignment by its id before the run", () => {
    const before = snapshot({
      syncApplications: [applicationBefore({ assignments: [{ assignmentId: "as-2", principalId: "group-1" }] })],
    });
    const records = principalAssignmentRecords(before, application, output);
    expect(records.map((record) => [record.id, record.created])).toEqual([
      ["AS-1", true],
      ["as-2", false],
    ]);
    expect(records[0]?.detail).toEqual({ principalId: "user-1", principalType: "User" });
  });

  it("unreadable assignments leave the step's view", () => {
    const before = snapshot({ syncApplications: [applicationBefore({ assignments: null })] });
    const records = principalAssignmentRecords(before, application, output);
    expect(records.map((record) => record.created)).toEqual([false, true]);
  });
});
