import { describe, expect, it } from "vitest";

import {
  MAX_STATUS_TEXT_LENGTH,
  createOnboardingStatus,
  markAttempt,
  markFailed,
  markSucceeded,
  markWaiting,
} from "../../src/orchestrators/onboarding/stepStatus";
import { OnboardingStepNames } from "../../src/shared/onboardingStatus";
import { fitCustomStatus } from "../../src/orchestrators/statusBudget";

const t0 = new Date("2026-01-01T00:00:00Z");
const t1 = new Date("2026-01-01T00:00:05Z");
const t2 = new Date("2026-01-01T00:01:00Z");

function stepOf(status: ReturnType<typeof createOnboardingStatus>, name: string) {
  return status.steps.find((step) => step.name === name);
}

describe("onboarding step status", () => {
  it("starts with every step pending", () => {
    const status = createOnboardingStatus();
    expect(status.currentStep).toBeNull();
    expect(status.steps.map((step) => step.name)).toEqual([...OnboardingStepNames]);
    expect(status.steps.every((step) => step.state === "pending" && step.attempts === 0)).toBe(true);
  });

  it("counts attempts and keeps the first start time", () => {
    let status = markAttempt(createOnboardingStatus(), "createSyncJob", t0);
    status = markAttempt(status, "createSyncJob", t1);
    const step = stepOf(status, "createSyncJob");
    expect(step?.state).toBe("running");
    expect(step?.attempts).toBe(2);
    expect(step?.startedAt).toBe(t0.toISOString());
    expect(status.currentStep).toBe("createSyncJob");
  });

  it("clears waitingFor when a waiting step runs again", () => {
    let status = markWaiting(createOnboardingStatus(), "waitForServicePrincipal", "service principal replication", t0);
    expect(stepOf(status, "waitForServicePrincipal")?.waitingFor).toBe("service principal replication");
    status = markAttempt(status, "waitForServicePrincipal", t1);
    expect(stepOf(status, "waitForServicePrincipal")?.waitingFor).toBeUndefined();
  });

  it("records the end time and detail of a success", () => {
    let status = markAttempt(createOnboardingStatus(), "ensureTargetPartner", t0);
    status = markSucceeded(status, "ensureTargetPartner", t2, "created partner x");
    expect(stepOf(status, "ensureTargetPartner")).toEqual({
      name: "ensureTargetPartner",
      state: "succeeded",
      attempts: 1,
      startedAt: t0.toISOString(),
      endedAt: t2.toISOString(),
      detail: "created partner x",
    });
  });

  it("records Graph code and request id of a failure", () => {
    let status = markAttempt(createOnboardingStatus(), "createSyncJob", t0);
    status = markFailed(status, "createSyncJob", t1, { message: "denied", graphCode: "Forbidden", requestId: "r-1" });
    const step = stepOf(status, "createSyncJob");
    expect(step?.state).toBe("failed");
    expect(step?.endedAt).toBe(t1.toISOString());
    expect(step?.error).toEqual({ message: "denied", graphCode: "Forbidden", requestId: "r-1" });
  });

  it("leaves the other steps and the input unchanged", () => {
    const before = createOnboardingStatus();
    const after = markAttempt(before, "createSyncJob", t0);
    expect(stepOf(before, "createSyncJob")?.state).toBe("pending");
    expect(after.steps.filter((step) => step.state !== "pending")).toHaveLength(1);
  });

  it("truncates long messages", () => {
    const status = markFailed(createOnboardingStatus(), "createSyncJob", t0, { message: "x".repeat(5000) });
    const message = stepOf(status, "createSyncJob")?.error?.message ?? "";
    expect(Array.from(message)).toHaveLength(MAX_STATUS_TEXT_LENGTH);
    expect(message.endsWith("…")).toBe(true);
  });

  it("fits Durable's 16 KB limit with every step failed at full length", () => {
    let status = createOnboardingStatus();
    for (const name of OnboardingStepNames) {
      status = markFailed(markWaiting(status, name, "w".repeat(5000), t0), name, t1, {
        message: "m".repeat(5000),
        graphCode: "SomeGraphErrorCode",
        requestId: "00000000-0000-0000-0000-000000000000",
      });
    }
    expect(Buffer.byteLength(JSON.stringify(fitCustomStatus(status)), "utf8")).toBeLessThanOrEqual(16 * 1024);
  });

  it("rejects an unknown step name", () => {
    // @ts-expect-error: the name is not an onboarding step.
    expect(() => markAttempt(createOnboardingStatus(), "noSuchStep", t0)).toThrow(/no step named "noSuchStep"/);
  });
});
