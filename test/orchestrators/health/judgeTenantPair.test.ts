import { describe, expect, it } from "vitest";

import { judgeTenantPair, worstVerdict } from "../../../src/orchestrators/health/judgeTenantPair";
import type { HealthVerdict } from "../../../src/registry/tenantPairRecord";
import type { TenantPairFacts } from "../../../src/shared/healthContracts";
import { healthyFacts, healthyJob, minutesAgo } from "./healthFacts";

interface Case {
  name: string;
  facts: TenantPairFacts;
  verdict: HealthVerdict;
  rules: string[];
  /** Text each finding's reason must contain, in order. */
  reasons: RegExp[];
  codes?: (string | undefined)[];
}

const failedExecution = { ...healthyJob().lastExecution!, state: "Failed", errorCode: "InvalidCredentials" };

const cases: Case[] = [
  { name: "a healthy pair", facts: healthyFacts(), verdict: "healthy", rules: [], reasons: [] },
  {
    name: "a quarantined job",
    facts: healthyFacts({
      job: healthyJob({
        statusCode: "Quarantine",
        quarantine: {
          reason: "EncounteredQuarantineException",
          errorCode: "InvalidCredentials",
          errorMessage: "Expired.",
        },
      }),
    }),
    verdict: "unhealthy",
    rules: ["jobQuarantined"],
    reasons: [/quarantine \(reason EncounteredQuarantineException, error InvalidCredentials\).*Expired\./],
    codes: ["InvalidCredentials"],
  },
  {
    name: "a paused job",
    facts: healthyFacts({ job: healthyJob({ scheduleState: "Paused", statusCode: "Paused" }) }),
    verdict: "degraded",
    rules: ["jobPaused"],
    reasons: [/paused \(schedule Paused, status Paused\)/],
  },
  {
    name: "a disabled schedule",
    facts: healthyFacts({ job: healthyJob({ scheduleState: "Disabled", statusCode: "Paused" }) }),
    verdict: "unhealthy",
    rules: ["jobScheduleDisabled"],
    reasons: [/schedule is Disabled/],
  },
  {
    name: "one complete failure",
    facts: healthyFacts({ job: healthyJob({ countSuccessiveCompleteFailures: 1, lastExecution: failedExecution }) }),
    verdict: "degraded",
    rules: ["successiveFailures"],
    reasons: [/last 1 sync cycle\(s\) failed completely \(last error InvalidCredentials\)/],
    codes: ["InvalidCredentials"],
  },
  {
    name: "three complete failures",
    facts: healthyFacts({ job: healthyJob({ countSuccessiveCompleteFailures: 3, lastExecution: failedExecution }) }),
    verdict: "unhealthy",
    rules: ["successiveFailures"],
    reasons: [/last 3 sync cycle/],
  },
  {
    name: "a last success three cycles old",
    facts: healthyFacts({
      job: healthyJob({
        lastSuccessfulExecution: { ...healthyJob().lastSuccessfulExecution!, timeEnded: minutesAgo(120) },
      }),
    }),
    verdict: "degraded",
    rules: ["lastSuccessStale"],
    reasons: [/ended 120 minutes \(3\.0 cycles of 40 minutes\) ago/],
  },
  {
    name: "a last success two cycles old",
    facts: healthyFacts({
      job: healthyJob({
        lastSuccessfulExecution: { ...healthyJob().lastSuccessfulExecution!, timeEnded: minutesAgo(80) },
      }),
    }),
    verdict: "healthy",
    rules: [],
    reasons: [],
  },
  {
    name: "a last success seven cycles old",
    facts: healthyFacts({
      job: healthyJob({
        lastSuccessfulExecution: { ...healthyJob().lastSuccessfulExecution!, timeEnded: minutesAgo(280) },
      }),
    }),
    verdict: "unhealthy",
    rules: ["lastSuccessStale"],
    reasons: [/280 minutes/],
  },
  {
    name: "no success yet, shortly after registration",
    facts: healthyFacts({ registeredAt: minutesAgo(30), job: healthyJob({ lastSuccessfulExecution: null }) }),
    verdict: "healthy",
    rules: [],
    reasons: [],
  },
  {
    name: "no success five hours after registration",
    facts: healthyFacts({ registeredAt: minutesAgo(300), job: healthyJob({ lastSuccessfulExecution: null }) }),
    verdict: "unhealthy",
    rules: ["noSuccessfulCycle"],
    reasons: [/No sync cycle has succeeded in the 300 minutes/],
  },
  {
    name: "escrowed entries",
    facts: healthyFacts({ job: healthyJob({ lastExecution: { ...healthyJob().lastExecution!, countEscrowed: 7 } }) }),
    verdict: "degraded",
    rules: ["escrowedEntries"],
    reasons: [/7 entries in escrow/],
  },
  {
    name: "a missing service principal",
    facts: healthyFacts({ servicePrincipalExists: false, job: null, credentials: { checked: false } }),
    verdict: "unhealthy",
    rules: ["servicePrincipalMissing"],
    reasons: [/service principal was not found/],
  },
  {
    name: "a missing job",
    facts: healthyFacts({ job: null }),
    verdict: "unhealthy",
    rules: ["jobMissing"],
    reasons: [/sync job was not found/],
  },
  {
    name: "inbound sync switched off in the target",
    facts: healthyFacts({ targetIsSyncAllowed: false }),
    verdict: "unhealthy",
    rules: ["inboundSyncDrift"],
    reasons: [/isSyncAllowed is false/],
  },
  {
    name: "a deleted identity synchronization policy",
    facts: healthyFacts({ targetIsSyncAllowed: null }),
    verdict: "unhealthy",
    rules: ["inboundSyncDrift"],
    reasons: [/isSyncAllowed is not set/],
  },
  {
    name: "target auto-redemption switched off",
    facts: healthyFacts({ targetInboundAllowed: false }),
    verdict: "unhealthy",
    rules: ["targetAutoRedemptionDrift"],
    reasons: [/inboundAllowed is false/],
  },
  {
    name: "source auto-redemption switched off",
    facts: healthyFacts({ sourceOutboundAllowed: null }),
    verdict: "unhealthy",
    rules: ["sourceAutoRedemptionDrift"],
    reasons: [/outboundAllowed is not set/],
  },
  {
    name: "saved credentials failing validation",
    facts: healthyFacts({
      credentials: { checked: true, valid: false, code: "InvalidCredentials", message: "Expired." },
    }),
    verdict: "unhealthy",
    rules: ["credentialsInvalid"],
    reasons: [/failed validation \(InvalidCredentials\): Expired\./],
    codes: ["InvalidCredentials"],
  },
  {
    name: "provisioning failures of two codes",
    facts: healthyFacts({
      provisioningFailures: [
        { code: "AzureActiveDirectoryQuotaLimitExceeded", count: 1, lastSeen: minutesAgo(5), reason: "Quota." },
        { code: "AzureActiveDirectoryForbidden", count: 4, lastSeen: minutesAgo(3), reason: "Forbidden." },
      ],
    }),
    verdict: "degraded",
    rules: ["provisioningFailures", "provisioningFailures"],
    reasons: [
      /4 provisioning failure\(s\) with AzureActiveDirectoryForbidden/,
      /1 provisioning failure\(s\) with AzureActiveDirectoryQuotaLimitExceeded/,
    ],
    codes: ["AzureActiveDirectoryForbidden", "AzureActiveDirectoryQuotaLimitExceeded"],
  },
];

describe("judgeTenantPair", () => {
  it.each(cases)("judges $name as $verdict", ({ facts, verdict, rules, reasons, codes }) => {
    const judgement = judgeTenantPair(facts);
    expect(judgement.verdict).toBe(verdict);
    expect(judgement.findings.map((item) => item.rule)).toEqual(rules);
    reasons.forEach((reason, index) => expect(judgement.findings[index]?.reason).toMatch(reason));
    if (codes !== undefined) {
      expect(judgement.findings.map((item) => item.code)).toEqual(codes);
    }
  });

  it("takes the worst severity of several findings", () => {
    const judgement = judgeTenantPair(
      healthyFacts({ targetIsSyncAllowed: false, job: healthyJob({ scheduleState: "Paused", statusCode: "Paused" }) }),
    );
    expect(judgement.verdict).toBe("unhealthy");
    expect(judgement.findings.map((item) => item.severity).sort()).toEqual(["degraded", "unhealthy"]);
  });

  it("caps provisioning failure groups at five and sums the rest", () => {
    const provisioningFailures = Array.from({ length: 7 }, (_, index) => ({
      code: `Code${index}`,
      count: 10 - index,
      lastSeen: minutesAgo(1),
      reason: "Failed.",
    }));
    const judgement = judgeTenantPair(healthyFacts({ provisioningFailures }));
    expect(judgement.findings).toHaveLength(6);
    expect(judgement.findings[5]?.reason).toBe("9 more provisioning failure(s) with the codes Code5, Code6.");
  });
});

describe("worstVerdict", () => {
  it("is healthy without verdicts", () => {
    expect(worstVerdict([])).toBe("healthy");
  });

  it("ranks unhealthy above degraded", () => {
    expect(worstVerdict(["degraded", "unhealthy", "healthy"])).toBe("unhealthy");
  });
});
