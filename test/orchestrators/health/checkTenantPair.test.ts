import { describe, expect, it } from "vitest";

import { checkTenantPair } from "../../../src/orchestrators/checkTenantPair";
import type { HealthCheckResult } from "../../../src/registry/tenantPairRecord";
import type { CheckTenantPairInput, TenantPairFacts, TenantPairHealth } from "../../../src/shared/healthContracts";
import { type CallAnswer, type FakeCall, driveHealthOrchestration } from "./fakeHealthContext";
import { healthyFacts, healthyJob } from "./healthFacts";

const SOURCE = "11111111-1111-1111-1111-111111111111";
const TARGET = "22222222-2222-2222-2222-222222222222";

function input(remediationEnabled: boolean): CheckTenantPairInput {
  return {
    target: {
      sourceTenantId: SOURCE,
      targetTenantId: TARGET,
      state: "active",
      configurationName: "Sync to Target",
      servicePrincipalId: "sp-1",
      jobId: "job-1",
      registeredAt: "2026-12-01T00:00:00Z",
    },
    remediationEnabled,
  };
}

function run(facts: TenantPairFacts, remediationEnabled: boolean, failing: string[] = []) {
  const answer = (call: FakeCall): CallAnswer => {
    if (failing.includes(call.name)) {
      return { error: new Error(`Activity function '${call.name}' failed: Graph said no\n    at stack`) };
    }
    return { output: call.name === "inspectTenantPair" ? facts : null };
  };
  const result = driveHealthOrchestration(checkTenantPair, input(remediationEnabled), answer, {
    instanceId: "check-1",
  });
  const recorded = result.calls.find((call) => call.name === "recordHealthCheck")?.input as
    { sourceTenantId: string; result: HealthCheckResult } | undefined;
  return { ...result, names: result.calls.map((call) => call.name), recorded };
}

const quarantined = healthyJob({
  statusCode: "Quarantine",
  quarantine: {
    reason: "EncounteredQuarantineException",
    errorCode: "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure",
    errorMessage: null,
  },
});

describe("checkTenantPair", () => {
  it("records a healthy pair without remediation", () => {
    const result = run(healthyFacts(), true);
    expect(result.error).toBeUndefined();
    expect(result.names).toEqual(["inspectTenantPair", "recordHealthCheck"]);
    expect(result.recorded?.result).toMatchObject({
      verdict: "healthy",
      findings: [],
      remediations: [],
      instanceId: "check-1",
    });
    expect(result.recorded?.result.checkedAt).toBe("2026-12-04T16:30:00.000Z");
    expect(result.recorded?.result.durationMs).toBe(1000);
    const output = result.output as TenantPairHealth;
    expect(output.sourceTenantId).toBe(SOURCE);
    expect(output.result.verdict).toBe("healthy");
  });

  it("only reports drift while remediation is off", () => {
    const result = run(healthyFacts({ targetIsSyncAllowed: false, job: quarantined }), false);
    expect(result.names).toEqual(["inspectTenantPair", "recordHealthCheck"]);
    expect(result.recorded?.result.verdict).toBe("unhealthy");
    expect(result.recorded?.result.remediations).toEqual([]);
  });

  it("re-applies every drifted flag when remediation is on", () => {
    const facts = healthyFacts({
      targetIsSyncAllowed: false,
      targetInboundAllowed: false,
      sourceOutboundAllowed: false,
    });
    const result = run(facts, true);
    expect(result.names).toEqual([
      "inspectTenantPair",
      "allowInboundSync",
      "enableTargetAutoRedemption",
      "enableSourceAutoRedemption",
      "recordHealthCheck",
    ]);
    const allow = result.calls.find((call) => call.name === "allowInboundSync");
    expect(allow?.input).toEqual({ sourceTenantId: SOURCE, targetTenantId: TARGET, displayName: "Sync to Target" });
    const records = result.recorded?.result.remediations ?? [];
    expect(records.map((record) => [record.action, record.outcome])).toEqual([
      ["reapplyInboundSync", "succeeded"],
      ["reapplyTargetAutoRedemption", "succeeded"],
      ["reapplySourceAutoRedemption", "succeeded"],
    ]);
    expect(result.recorded?.result.verdict).toBe("unhealthy");
  });

  it("re-creates a missing partner before re-applying its flag", () => {
    const result = run(healthyFacts({ sourceOutboundAllowed: null }), true);
    expect(result.names).toEqual([
      "inspectTenantPair",
      "ensureSourcePartner",
      "enableSourceAutoRedemption",
      "recordHealthCheck",
    ]);
  });

  it("restarts a quarantined job once its cause is gone", () => {
    const result = run(healthyFacts({ job: quarantined }), true);
    expect(result.names).toEqual(["inspectTenantPair", "restartSyncJob", "recordHealthCheck"]);
    const restart = result.calls.find((call) => call.name === "restartSyncJob");
    expect(restart?.input).toEqual({ sourceTenantId: SOURCE, servicePrincipalId: "sp-1", jobId: "job-1" });
    expect(result.recorded?.result.remediations[0]).toMatchObject({
      action: "restartQuarantinedJob",
      outcome: "succeeded",
    });
  });

  it("leaves a quarantined job alone while a policy still drifts", () => {
    const result = run(healthyFacts({ job: quarantined, targetIsSyncAllowed: false }), true);
    expect(result.names).toEqual(["inspectTenantPair", "allowInboundSync", "recordHealthCheck"]);
  });

  it("leaves a quarantined job alone while credentials fail", () => {
    const credentials = {
      checked: true as const,
      valid: false as const,
      code: "InvalidCredentials",
      message: "Expired.",
    };
    const result = run(healthyFacts({ job: quarantined, credentials }), true);
    expect(result.names).toEqual(["inspectTenantPair", "recordHealthCheck"]);
  });

  it("records a failed remediation and goes on", () => {
    const result = run(healthyFacts({ targetIsSyncAllowed: false, sourceOutboundAllowed: false }), true, [
      "allowInboundSync",
    ]);
    expect(result.error).toBeUndefined();
    const records = result.recorded?.result.remediations ?? [];
    expect(records[0]).toMatchObject({ action: "reapplyInboundSync", outcome: "failed" });
    expect(records[0]?.detail).toContain("failed: Graph said no");
    expect(records[0]?.detail).not.toContain("at stack");
    expect(records[1]).toMatchObject({ action: "reapplySourceAutoRedemption", outcome: "succeeded" });
  });

  it("fails when Graph cannot be read, and records nothing", () => {
    const result = run(healthyFacts(), true, ["inspectTenantPair"]);
    expect(result.error?.message).toContain("Graph said no");
    expect(result.names).toEqual(["inspectTenantPair"]);
  });

  it("rejects an input without a target", () => {
    const result = driveHealthOrchestration(checkTenantPair, { remediationEnabled: true }, () => ({ output: null }));
    expect(result.error).toBeInstanceOf(TypeError);
    expect(result.error?.message).toContain("target.sourceTenantId must be a non-empty string");
  });
});
