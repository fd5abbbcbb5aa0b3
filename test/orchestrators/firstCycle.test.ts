import { describe, expect, it } from "vitest";

import {
  buildFirstCycleReport,
  describeFirstCycle,
  firstCycleOutcome,
  hasCycleEndedSince,
  isQuarantined,
} from "../../src/orchestrators/onboarding/firstCycle";
import { finishedCycle, jobStatus } from "./support/onboardingFixtures";

const started = new Date("2026-01-01T00:00:00Z");

describe("first cycle", () => {
  it("counts a cycle that ended after the start", () => {
    expect(hasCycleEndedSince(finishedCycle("2026-01-01T00:05:00Z"), started)).toBe(true);
  });

  it("ignores a cycle that ended before the start", () => {
    expect(hasCycleEndedSince(finishedCycle("2025-12-31T23:59:59Z"), started)).toBe(false);
  });

  it("ignores a job that has not run", () => {
    expect(hasCycleEndedSince(jobStatus(), started)).toBe(false);
  });

  it("counts a failed last execution that ended after the start", () => {
    const job = finishedCycle("2026-01-01T00:05:00Z");
    const failed = jobStatus({
      lastExecution: { ...job.lastExecution!, state: "Failed" },
      lastSuccessfulExecution: null,
    });
    expect(hasCycleEndedSince(failed, started)).toBe(true);
    expect(firstCycleOutcome(failed, started)).toBe("cycleEnded");
  });

  it("detects quarantine by status code or quarantine block", () => {
    expect(isQuarantined(jobStatus({ statusCode: "Quarantine" }))).toBe(true);
    const block = { reason: "EncounteredQuarantineException", errorCode: "E1", errorMessage: "bad" };
    expect(isQuarantined(jobStatus({ quarantine: block }))).toBe(true);
    expect(isQuarantined(jobStatus())).toBe(false);
  });

  it("reports timed out when nothing ended and no quarantine", () => {
    expect(firstCycleOutcome(jobStatus(), started)).toBe("timedOut");
  });

  it("builds a report with counts and job status", () => {
    const report = buildFirstCycleReport(finishedCycle("2026-01-01T00:05:00Z"), "cycleEnded");
    expect(report).toMatchObject({
      completed: true,
      outcome: "cycleEnded",
      statusCode: "Active",
      scheduleState: "Active",
      lastExecutionState: "Succeeded",
      timeEnded: "2026-01-01T00:05:00Z",
      countEntitled: 1,
      countExported: 1,
      countEscrowed: 0,
      errorCode: null,
      quarantineReason: null,
    });
  });

  it("reports zero counts and the quarantine for a job that never ran", () => {
    const block = { reason: "TooManyDeletes", errorCode: "E2", errorMessage: "too many" };
    const report = buildFirstCycleReport(jobStatus({ statusCode: "Quarantine", quarantine: block }), "quarantined");
    expect(report.completed).toBe(false);
    expect(report.countExported).toBe(0);
    expect(report.errorCode).toBe("E2");
    expect(report.quarantineReason).toBe("TooManyDeletes");
    expect(describeFirstCycle(report)).toMatch(/^job is in quarantine \(TooManyDeletes\)/);
  });
});
