import { describe, expect, it } from "vitest";

import { CUSTOM_STATUS_BUDGET_BYTES, fitCustomStatus } from "../../src/orchestrators/statusBudget";

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");
const requestId = "00000000-0000-0000-0000-000000000000";

function item(index: number) {
  return { action: "delete", tenantId: "t", objectType: "application", id: `object-${index}` };
}

function bigStatus() {
  return {
    currentStep: "createSyncJob",
    steps: Array.from({ length: 19 }, (_, index) => ({
      name: `step${index}`,
      state: index === 10 ? "failed" : "succeeded",
      attempts: 1,
      detail: "d".repeat(500),
      ...(index === 10 ? { error: { message: `${"m".repeat(480)} (request-id ${requestId})`, requestId } } : {}),
    })),
    rollback: {
      state: "incomplete",
      planned: 40,
      rolledBack: Array.from({ length: 20 }, (_, index) => item(index)),
      rolledBackCount: 20,
      leftBehind: Array.from({ length: 20 }, (_, index) => ({
        ...item(100 + index),
        error: { message: "e".repeat(500), graphCode: "Authorization_RequestDenied", requestId },
      })),
      leftBehindCount: 20,
    },
  };
}

describe("fitCustomStatus", () => {
  it("returns a small status unchanged", () => {
    const status = { steps: [{ state: "succeeded", detail: "created partner" }] };

    expect(fitCustomStatus(status)).toBe(status);
  });

  it("fits a status with long texts and full rollback lists", () => {
    const status = bigStatus();
    expect(bytes(status)).toBeGreaterThan(CUSTOM_STATUS_BUDGET_BYTES);

    expect(bytes(fitCustomStatus(status))).toBeLessThanOrEqual(CUSTOM_STATUS_BUDGET_BYTES);
  });

  it("drops succeeded steps' details before anything else", () => {
    const status = bigStatus();
    status.rollback.leftBehind = status.rollback.leftBehind.slice(0, 2);
    status.rollback.rolledBack = [];
    status.steps = status.steps.map((step) => ({ ...step, detail: "d".repeat(900) }));
    expect(bytes(status)).toBeGreaterThan(CUSTOM_STATUS_BUDGET_BYTES);

    const fitted = fitCustomStatus(status);

    expect(fitted.steps.filter((step) => step.state === "succeeded").every((step) => step.detail === undefined)).toBe(
      true,
    );
    expect(fitted.steps[10]?.error?.message).toBe(status.steps[10]?.error?.message);
    expect(fitted.rollback.leftBehind).toEqual(status.rollback.leftBehind);
  });

  it("keeps the failed step's error, the ids and the rollback counts", () => {
    const fitted = fitCustomStatus(bigStatus());

    expect(fitted.steps[10]?.state).toBe("failed");
    expect(fitted.steps[10]?.error?.requestId).toBe(requestId);
    expect(fitted.rollback.leftBehindCount).toBe(20);
    expect(fitted.rollback.rolledBackCount).toBe(20);
    expect(fitted.rollback.leftBehind[0]?.id).toBe("object-100");
    expect(fitted.rollback.leftBehind[0]?.error.requestId).toBe(requestId);
  });

  it("leaves the input status untouched", () => {
    const status = bigStatus();
    const before = JSON.stringify(status);

    fitCustomStatus(status);

    expect(JSON.stringify(status)).toBe(before);
  });
});
