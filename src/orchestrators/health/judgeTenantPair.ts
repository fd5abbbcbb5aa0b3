import type { HealthFinding, HealthVerdict } from "../../registry/tenantPairRecord";
import type { SyncJobFacts, TenantPairFacts } from "../../shared/healthContracts";
import {
  MAX_PROVISIONING_FAILURE_GROUPS,
  STALE_CYCLES_DEGRADED,
  STALE_CYCLES_UNHEALTHY,
  SUCCESSIVE_FAILURES_UNHEALTHY,
  SYNC_CYCLE_MINUTES,
} from "./healthThresholds";

/** Stable ids of the health rules, as findings and telemetry carry them. */
export const HealthRules = {
  servicePrincipalMissing: "servicePrincipalMissing",
  jobMissing: "jobMissing",
  jobQuarantined: "jobQuarantined",
  jobScheduleDisabled: "jobScheduleDisabled",
  jobPaused: "jobPaused",
  successiveFailures: "successiveFailures",
  lastSuccessStale: "lastSuccessStale",
  noSuccessfulCycle: "noSuccessfulCycle",
  escrowedEntries: "escrowedEntries",
  inboundSyncDrift: "inboundSyncDrift",
  targetAutoRedemptionDrift: "targetAutoRedemptionDrift",
  sourceAutoRedemptionDrift: "sourceAutoRedemptionDrift",
  credentialsInvalid: "credentialsInvalid",
  provisioningFailures: "provisioningFailures",
} as const;

export type HealthRule = (typeof HealthRules)[keyof typeof HealthRules];

export interface HealthJudgement {
  verdict: HealthVerdict;
  findings: HealthFinding[];
}

const SEVERITY_RANK: Record<HealthVerdict, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

/** Returns the worse of the verdicts; healthy when there are none. */
export function worstVerdict(verdicts: readonly HealthVerdict[]): HealthVerdict {
  return verdicts.reduce<HealthVerdict>(
    (worst, next) => (SEVERITY_RANK[next] > SEVERITY_RANK[worst] ? next : worst),
    "healthy",
  );
}

function finding(rule: HealthRule, severity: HealthVerdict, reason: string, code?: string | null): HealthFinding {
  return code ? { rule, severity, reason, code } : { rule, severity, reason };
}

function judgeJobState(job: SyncJobFacts): HealthFinding[] {
  const findings: HealthFinding[] = [];
  if (job.statusCode === "Quarantine") {
    const reason = job.quarantine?.reason ?? "Unknown";
    const code = job.quarantine?.errorCode ?? null;
    const message = job.quarantine?.errorMessage ? ` ${job.quarantine.errorMessage}` : "";
    findings.push(
      finding(
        HealthRules.jobQuarantined,
        "unhealthy",
        `The sync job is in quarantine (reason ${reason}, error ${code ?? "none"}), so no cycle runs until the cause is fixed and the job restarted.${message}`,
        code,
      ),
    );
  }
  if (job.scheduleState === "Disabled") {
    findings.push(
      finding(
        HealthRules.jobScheduleDisabled,
        "unhealthy",
        "The sync job's schedule is Disabled, so no cycle runs: the job was never started, was switched off, or was " +
          "disabled by Graph after about four weeks in quarantine. Start the job to sync again.",
      ),
    );
  } else if (job.scheduleState === "Paused" || job.statusCode === "Paused") {
    findings.push(
      finding(
        HealthRules.jobPaused,
        "degraded",
        `The sync job is paused (schedule ${job.scheduleState}, status ${job.statusCode}), so no cycle runs; a pause ` +
          "keeps the job's state and is usually deliberate, so confirm it was meant or start the job again.",
      ),
    );
  }
  const failures = job.countSuccessiveCompleteFailures;
  if (failures > 0) {
    const severity: HealthVerdict = failures >= SUCCESSIVE_FAILURES_UNHEALTHY ? "unhealthy" : "degraded";
    const lastCode = job.lastExecution?.errorCode ?? null;
    findings.push(
      finding(
        HealthRules.successiveFailures,
        severity,
        `The last ${failures} sync cycle(s) failed completely (last error ${lastCode ?? "none"}); ` +
          `${SUCCESSIVE_FAILURES_UNHEALTHY} or more in a row is unhealthy.`,
        lastCode,
      ),
    );
  }
  const escrowed = job.lastExecution?.countEscrowed ?? 0;
  if (escrowed > 0) {
    findings.push(
      finding(
        HealthRules.escrowedEntries,
        "degraded",
        `The last sync cycle left ${escrowed} entries in escrow: Graph will retry them, and too many escrows quarantine the job.`,
      ),
    );
  }
  return findings;
}

function ageInCycles(from: string, to: string): number | undefined {
  const ageMs = Date.parse(to) - Date.parse(from);
  return Number.isNaN(ageMs) ? undefined : ageMs / (SYNC_CYCLE_MINUTES * 60_000);
}

function stalenessSeverity(cycles: number): HealthVerdict {
  if (cycles > STALE_CYCLES_UNHEALTHY) {
    return "unhealthy";
  }
  return cycles > STALE_CYCLES_DEGRADED ? "degraded" : "healthy";
}

function judgeLastSuccess(job: SyncJobFacts, facts: TenantPairFacts): HealthFinding[] {
  const lastSuccess = job.lastSuccessfulExecution?.timeEnded ?? null;
  const reference = lastSuccess ?? facts.registeredAt;
  const cycles = ageInCycles(reference, facts.inspectedAt);
  if (cycles === undefined) {
    return [];
  }
  const severity = stalenessSeverity(cycles);
  if (severity === "healthy") {
    return [];
  }
  const age = `${Math.round(cycles * SYNC_CYCLE_MINUTES)} minutes (${cycles.toFixed(1)} cycles of ${SYNC_CYCLE_MINUTES} minutes)`;
  const limits = `more than ${STALE_CYCLES_DEGRADED} cycles is degraded, more than ${STALE_CYCLES_UNHEALTHY} unhealthy`;
  if (lastSuccess === null) {
    return [
      finding(
        HealthRules.noSuccessfulCycle,
        severity,
        `No sync cycle has succeeded in the ${age} since the pair was registered at ${facts.registeredAt}; ${limits}.`,
      ),
    ];
  }
  return [
    finding(
      HealthRules.lastSuccessStale,
      severity,
      `The last successful sync cycle ended ${age} ago at ${lastSuccess}; ${limits}.`,
    ),
  ];
}

function judgePolicies(facts: TenantPairFacts): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const describeFlag = (value: boolean | null) => (value === null ? "not set" : String(value));
  if (facts.targetIsSyncAllowed !== true) {
    findings.push(
      finding(
        HealthRules.inboundSyncDrift,
        "unhealthy",
        `The target no longer allows inbound user sync from the source (userSyncInbound.isSyncAllowed is ` +
          `${describeFlag(facts.targetIsSyncAllowed)}), so no user is provisioned.`,
      ),
    );
  }
  if (facts.targetInboundAllowed !== true) {
    findings.push(
      finding(
        HealthRules.targetAutoRedemptionDrift,
        "unhealthy",
        `The target no longer redeems invitations from the source automatically (automaticUserConsentSettings.` +
          `inboundAllowed is ${describeFlag(facts.targetInboundAllowed)}), so provisioning fails its policy check.`,
      ),
    );
  }
  if (facts.sourceOutboundAllowed !== true) {
    findings.push(
      finding(
        HealthRules.sourceAutoRedemptionDrift,
        "unhealthy",
        `The source no longer redeems invitations to the target automatically (automaticUserConsentSettings.` +
          `outboundAllowed is ${describeFlag(facts.sourceOutboundAllowed)}), so provisioning fails its policy check.`,
      ),
    );
  }
  return findings;
}

function judgeCredentials(facts: TenantPairFacts): HealthFinding[] {
  const credentials = facts.credentials;
  if (!credentials.checked || credentials.valid) {
    return [];
  }
  return [
    finding(
      HealthRules.credentialsInvalid,
      "unhealthy",
      `The saved sync credentials failed validation (${credentials.code}): ${credentials.message}`,
      credentials.code,
    ),
  ];
}

function judgeProvisioningFailures(facts: TenantPairFacts): HealthFinding[] {
  const groups = [...facts.provisioningFailures].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  const reported = groups.slice(0, MAX_PROVISIONING_FAILURE_GROUPS);
  const hidden = groups.slice(MAX_PROVISIONING_FAILURE_GROUPS);
  const findings = reported.map((group) =>
    finding(
      HealthRules.provisioningFailures,
      "degraded",
      `${group.count} provisioning failure(s) with ${group.code} since ${facts.provisioningLogSince}, the newest at ` +
        `${group.lastSeen}: ${group.reason}`,
      group.code,
    ),
  );
  if (hidden.length > 0) {
    const count = hidden.reduce((sum, group) => sum + group.count, 0);
    const codes = hidden.map((group) => group.code).join(", ");
    findings.push(
      finding(
        HealthRules.provisioningFailures,
        "degraded",
        `${count} more provisioning failure(s) with the codes ${codes}.`,
      ),
    );
  }
  return findings;
}

/**
 * Judges what `inspectTenantPair` read into findings and a verdict: the worst severity among the findings, or
 * healthy when there is none. Pure and deterministic, so the orchestrator may call it.
 */
export function judgeTenantPair(facts: TenantPairFacts): HealthJudgement {
  const findings: HealthFinding[] = [];
  if (!facts.servicePrincipalExists) {
    findings.push(
      finding(
        HealthRules.servicePrincipalMissing,
        "unhealthy",
        "The sync application's service principal was not found in the source tenant, so the pair cannot sync. Onboard the pair again.",
      ),
    );
  } else if (facts.job === null) {
    findings.push(
      finding(
        HealthRules.jobMissing,
        "unhealthy",
        "The sync job was not found on the service principal, so the pair cannot sync. Onboard the pair again.",
      ),
    );
  }
  if (facts.job !== null) {
    findings.push(...judgeJobState(facts.job), ...judgeLastSuccess(facts.job, facts));
  }
  findings.push(...judgePolicies(facts), ...judgeCredentials(facts), ...judgeProvisioningFailures(facts));
  return { verdict: worstVerdict(findings.map((item) => item.severity)), findings };
}
