import "./testEnvironment";

import { setTimeout } from "node:timers/promises";

import { beforeEach, describe, expect, it } from "vitest";

import { ALL_EMPLOYEES_GROUP_ID, TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import { allowInboundSyncHandler } from "../../src/activities/allowInboundSync";
import { assignPrincipalsHandler } from "../../src/activities/assignPrincipals";
import { createSyncJobHandler } from "../../src/activities/createSyncJob";
import { inspectTenantPairHandler } from "../../src/activities/inspectTenantPair";
import { restartSyncJobHandler } from "../../src/activities/restartSyncJob";
import { saveSyncSecretsHandler } from "../../src/activities/saveSyncSecrets";
import { startSyncJobHandler } from "../../src/activities/startSyncJob";
import { createGraphClient } from "../../src/graph/graphClient";
import { judgeTenantPair } from "../../src/orchestrators/health/judgeTenantPair";
import type { InspectTenantPairInput, TenantPairFacts } from "../../src/shared/healthContracts";
import type { EmulatorHarness } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";
import { CONFIGURATION_NAME, PAIR, prepareApplication, preparePolicies } from "./onboardingSteps";

let emulator: EmulatorHarness;
let pair: InspectTenantPairInput;

/** Runs every onboarding activity against the emulator, as the orchestrator would, and waits for one cycle. */
async function onboard(): Promise<InspectTenantPairInput> {
  await preparePolicies(emulator);
  const application = await prepareApplication(emulator);
  const sp = { sourceTenantId: TENANT_A_ID, servicePrincipalId: application.servicePrincipalId };
  const job = await createSyncJobHandler(sp, emulator.context());
  await saveSyncSecretsHandler({ ...PAIR, servicePrincipalId: sp.servicePrincipalId }, emulator.context());
  const assign = { ...sp, appRoleId: application.appRoleId, users: [], groups: [ALL_EMPLOYEES_GROUP_ID] };
  await assignPrincipalsHandler(assign, emulator.context());
  await startSyncJobHandler({ ...sp, jobId: job.id }, emulator.context());
  const input = {
    ...PAIR,
    servicePrincipalId: sp.servicePrincipalId,
    jobId: job.id,
    registeredAt: new Date().toISOString(),
  };
  await waitFor(input, (facts) => facts.job?.lastSuccessfulExecution !== null);
  return input;
}

function inspect(input: InspectTenantPairInput = pair): Promise<TenantPairFacts> {
  return inspectTenantPairHandler(input, emulator.context());
}

/** Inspects until `done` accepts the facts, for at most two seconds (the emulator runs a cycle every 100 ms). */
async function waitFor(
  input: InspectTenantPairInput,
  done: (facts: TenantPairFacts) => boolean,
): Promise<TenantPairFacts> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const facts = await inspect(input);
    if (done(facts) || Date.now() > deadline) {
      return facts;
    }
    await setTimeout(50);
  }
}

function jobPath(): string {
  return `/_emulator/tenants/${TENANT_A_ID}/servicePrincipals/${pair.servicePrincipalId}/synchronization`;
}

function rules(facts: TenantPairFacts): string[] {
  return judgeTenantPair(facts).findings.map((finding) => finding.rule);
}

useEmulatorPerFile((started) => {
  emulator = started;
});

beforeEach(async () => {
  pair = await onboard();
});

describe("inspectTenantPair and the judge", () => {
  it("judges a freshly onboarded pair healthy", async () => {
    const facts = await inspect();
    expect(facts.servicePrincipalExists).toBe(true);
    expect(facts.job?.scheduleState).toBe("Active");
    expect(facts.credentials).toEqual({ checked: true, valid: true });
    expect(facts.targetIsSyncAllowed).toBe(true);
    expect(facts.targetInboundAllowed).toBe(true);
    expect(facts.sourceOutboundAllowed).toBe(true);
    expect(judgeTenantPair(facts)).toEqual({ verdict: "healthy", findings: [] });
  });

  it("changes nothing in either tenant", async () => {
    await emulator.clearRequests();
    await inspect();
    const writes = (await emulator.requests()).filter(
      (request) =>
        request.method !== "GET" && !request.path.endsWith("/validateCredentials") && !request.path.includes("/token"),
    );
    expect(writes).toEqual([]);
  });

  it("finds a quarantined job with its reason and code", async () => {
    const reason = { reason: "EncounteredEscrowProportionThreshold", errorCode: "EscrowLimitExceeded" };
    await emulator.admin("POST", `${jobPath()}/jobs/${pair.jobId}/quarantine`, reason);
    const judgement = judgeTenantPair(await inspect());
    expect(judgement.verdict).toBe("unhealthy");
    const finding = judgement.findings.find((item) => item.rule === "jobQuarantined");
    expect(finding?.code).toBe("EscrowLimitExceeded");
    expect(finding?.reason).toContain("EncounteredEscrowProportionThreshold");
  });

  it("finds inbound sync switched off in the target", async () => {
    const change = { identitySynchronization: { userSyncInbound: { isSyncAllowed: false } } };
    await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, change);
    const facts = await inspect();
    expect(facts.targetIsSyncAllowed).toBe(false);
    const judgement = judgeTenantPair(facts);
    expect(judgement.verdict).toBe("unhealthy");
    expect(rules(facts)).toContain("inboundSyncDrift");
    // The sync service's own policy check now fails too, so the saved credentials no longer validate.
    expect(rules(facts)).toContain("credentialsInvalid");
  });

  it("finds auto-redemption switched off in the target", async () => {
    const change = { automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: null } };
    await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, change);
    const facts = await inspect();
    expect(facts.targetInboundAllowed).toBe(false);
    expect(judgeTenantPair(facts).verdict).toBe("unhealthy");
    expect(rules(facts)).toContain("targetAutoRedemptionDrift");
  });

  it("finds auto-redemption switched off in the source", async () => {
    const change = { automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: false } };
    await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_A_ID}/partners/${TENANT_B_ID}`, change);
    const facts = await inspect();
    expect(facts.sourceOutboundAllowed).toBe(false);
    expect(rules(facts)).toContain("sourceAutoRedemptionDrift");
  });

  it("finds expired credentials, then the failures they cause", async () => {
    await emulator.admin("POST", `${jobPath()}/expireSecrets`);
    const facts = await inspect();
    expect(facts.credentials).toMatchObject({ checked: true, valid: false, code: "InvalidCredentials" });
    expect(judgeTenantPair(facts).verdict).toBe("unhealthy");
    expect(rules(facts)).toContain("credentialsInvalid");

    const failing = await waitFor(
      pair,
      (next) => (next.job?.countSuccessiveCompleteFailures ?? 0) > 0 && next.provisioningFailures.length > 0,
    );
    const judgement = judgeTenantPair(failing);
    expect(judgement.findings.map((item) => item.rule)).toContain("successiveFailures");
    const logFinding = judgement.findings.find((item) => item.rule === "provisioningFailures");
    expect(logFinding?.code).toBe("InvalidCredentials");
    expect(failing.provisioningFailures[0]?.count).toBeGreaterThan(0);
  });

  it("finds a paused job", async () => {
    const job = { sourceTenantId: TENANT_A_ID, servicePrincipalId: pair.servicePrincipalId, jobId: pair.jobId };
    await createGraphClient(TENANT_A_ID).post(
      `/servicePrincipals/${job.servicePrincipalId}/synchronization/jobs/${job.jobId}/pause`,
      undefined,
    );
    const facts = await inspect();
    expect(facts.job?.scheduleState).toBe("Paused");
    const judgement = judgeTenantPair(facts);
    expect(judgement.verdict).toBe("degraded");
    expect(judgement.findings.map((item) => item.rule)).toEqual(["jobPaused"]);
  });

  it("finds a missing service principal and a missing job", async () => {
    const missingSp = await inspect({ ...pair, servicePrincipalId: "00000000-0000-4000-8000-000000000000" });
    expect(missingSp.servicePrincipalExists).toBe(false);
    expect(rules(missingSp)).toEqual(["servicePrincipalMissing"]);
    const missingJob = await inspect({ ...pair, jobId: "Azure2Azure.missing.job" });
    expect(missingJob.job).toBeNull();
    expect(rules(missingJob)).toEqual(["jobMissing"]);
  });
});

describe("remediation activities", () => {
  it("re-applies inbound sync after a switch-off", async () => {
    const change = { identitySynchronization: { userSyncInbound: { isSyncAllowed: false } } };
    await emulator.admin("PATCH", `/_emulator/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, change);
    await allowInboundSyncHandler({ ...PAIR, displayName: CONFIGURATION_NAME }, emulator.context());
    expect((await inspect()).targetIsSyncAllowed).toBe(true);
  });

  it("restarts a quarantined job", async () => {
    await emulator.admin("POST", `${jobPath()}/jobs/${pair.jobId}/quarantine`, { reason: "QuarantinedOnDemand" });
    expect((await inspect()).job?.statusCode).toBe("Quarantine");
    await emulator.clearRequests();
    const input = {
      sourceTenantId: TENANT_A_ID,
      servicePrincipalId: pair.servicePrincipalId ?? "",
      jobId: pair.jobId ?? "",
    };
    await expect(restartSyncJobHandler(input, emulator.context())).resolves.toBeNull();
    const restarts = (await emulator.requests()).filter((request) => request.path.endsWith("/restart"));
    expect(restarts.map((request) => request.status)).toEqual([204]);
    const facts = await inspect();
    expect(facts.job?.statusCode).toBe("Active");
    expect(judgeTenantPair(facts).verdict).toBe("healthy");
  });
});
