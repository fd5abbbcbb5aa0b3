import { describe, expect, it } from "vitest";

import { fromEntity, toEntity } from "../../src/registry/tenantPairEntity";
import type { OffboardingRecord } from "../../src/registry/offboardingRecord";
import { SOURCE_ID, TARGET_ID, pairRecord } from "./registryFixtures";

const offboarding: OffboardingRecord = {
  instanceId: `offboard-${SOURCE_ID}-${TARGET_ID}`,
  keepSyncedUsers: false,
  startedAt: "2026-01-01T00:00:00.000Z",
  endedAt: "2026-01-01T00:05:00.000Z",
  result: {
    sourceTenantId: SOURCE_ID,
    targetTenantId: TARGET_ID,
    keepSyncedUsers: false,
    unassignedCount: 2,
    deprovisioning: { outcome: "removed", deletedCount: 4, synchronizedCount: 0 },
    changes: [
      { action: "delete", tenantId: SOURCE_ID, objectType: "synchronizationJob", id: "job", alreadyDone: false },
    ],
    kept: [{ tenantId: TARGET_ID, objectType: "partner", id: SOURCE_ID }],
  },
  error: null,
};

describe("offboarding in the registry entity", () => {
  it("round-trips the offboarding record", () => {
    const record = pairRecord({ state: "offboarded", offboarding });
    expect(fromEntity(toEntity(record) as Record<string, unknown>).offboarding).toEqual(offboarding);
  });

  it("round-trips a failed attempt's error", () => {
    const failed: OffboardingRecord = {
      ...offboarding,
      endedAt: null,
      result: null,
      error: { step: "waitForDeprovisioning", message: "timed out", graphCode: "x", at: "2026-01-01T01:00:00.000Z" },
    };
    const record = pairRecord({ state: "offboarding", offboarding: failed });
    expect(fromEntity(toEntity(record) as Record<string, unknown>).offboarding).toEqual(failed);
  });

  it("leaves offboarding absent for a pair never offboarded", () => {
    const entity = toEntity(pairRecord());
    expect(Object.keys(entity).some((key) => key.startsWith("offboarding"))).toBe(false);
    expect(fromEntity(entity as Record<string, unknown>)).not.toHaveProperty("offboarding");
  });
});
