import { describe, expect, it } from "vitest";

import { judgeDeprovisioning } from "../../../src/orchestrators/offboarding/deprovisioning";
import { jobStatus, progressAfterCycle } from "./offboardingFixtures";

const since = new Date("2026-01-01T00:10:00Z");

describe("judgeDeprovisioning", () => {
  it("is removed after a later cycle leaves no entry", () => {
    expect(judgeDeprovisioning(progressAfterCycle("2026-01-01T00:11:00Z", 0), since)).toBe("removed");
  });

  it("is pending while entries are left", () => {
    expect(judgeDeprovisioning(progressAfterCycle("2026-01-01T00:11:00Z", 2), since)).toBe("pending");
  });

  it("is pending when the last cycle began before the unassignment", () => {
    expect(judgeDeprovisioning(progressAfterCycle("2026-01-01T00:09:59Z", 0), since)).toBe("pending");
  });

  it("is pending before any cycle", () => {
    expect(judgeDeprovisioning({ job: jobStatus(), synchronizedCount: 0, deletedCount: 0 }, since)).toBe("pending");
  });

  it("takes one later cycle as removed when Graph reports no count", () => {
    expect(judgeDeprovisioning(progressAfterCycle("2026-01-01T00:11:00Z", null), since)).toBe("removed");
  });

  it("reports a quarantined job", () => {
    const job = jobStatus({
      statusCode: "Quarantine",
      quarantine: { reason: "TooManyDeletes", errorCode: null, errorMessage: null },
    });
    expect(judgeDeprovisioning({ job, synchronizedCount: 4, deletedCount: 0 }, since)).toBe("quarantined");
  });

  it("reports a missing job", () => {
    expect(judgeDeprovisioning({ job: null, synchronizedCount: null, deletedCount: 0 }, since)).toBe("jobGone");
  });
});
