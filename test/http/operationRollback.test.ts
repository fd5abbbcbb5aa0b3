import { describe, expect, it } from "vitest";

import { buildOperationSummary } from "../../src/http/operationSummary";
import {
  markLeftBehind,
  markRolledBack,
  startRollback,
  finishRollback,
} from "../../src/orchestrators/onboarding/rollbackProgress";
import { createOnboardingStatus, markFailed } from "../../src/orchestrators/onboarding/stepStatus";
import type { RollbackItem } from "../../src/shared/rollbackStatus";

const JOB: RollbackItem = { action: "delete", tenantId: "source-id", objectType: "synchronizationJob", id: "job-1" };
const PARTNER: RollbackItem = { action: "delete", tenantId: "target-id", objectType: "partner", id: "source-id" };
const DENIED = { message: "Graph forbidden error 403", graphCode: "Authorization_RequestDenied", requestId: "req-1" };

function failedStatus() {
  const failed = markFailed(createOnboardingStatus(), "startSyncJob", new Date("2026-01-01T00:00:10Z"), DENIED);
  const rollback = finishRollback(markLeftBehind(markRolledBack(startRollback(2), JOB), PARTNER, DENIED));
  return {
    name: "onboardTenantPair",
    instanceId: "onboard-s-t",
    runtimeStatus: "Failed",
    createdTime: "2026-01-01T00:00:00Z",
    lastUpdatedTime: "2026-01-01T00:01:00Z",
    input: null,
    output: "Orchestrator function 'onboardTenantPair' failed: Onboarding step startSyncJob failed: denied",
    customStatus: { ...failed, rollback },
  };
}

describe("buildOperationSummary rollback", () => {
  it("shows the failed step and the rollback outcome", () => {
    const summary = buildOperationSummary(failedStatus());

    expect(summary.error).toEqual({ step: "startSyncJob", ...DENIED });
    expect(summary.rollback?.state).toBe("incomplete");
    expect(summary.rollback?.rolledBack).toEqual([JOB]);
    expect(summary.rollback?.leftBehind).toEqual([{ ...PARTNER, error: DENIED }]);
    expect(summary.rollback?.leftBehindCount).toBe(1);
  });

  it("omits the rollback of a run that has none", () => {
    const { rollback: _rollback, ...customStatus } = failedStatus().customStatus;
    const summary = buildOperationSummary({ ...failedStatus(), customStatus });

    expect(summary.rollback).toBeUndefined();
    expect(summary.error?.graphCode).toBe("Authorization_RequestDenied");
  });
});
