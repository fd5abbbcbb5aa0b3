import "./testEnvironment";

import { setTimeout } from "node:timers/promises";

import { beforeEach, describe, expect, it } from "vitest";

import { ALL_EMPLOYEES_GROUP_ID, ENGINEERING_GROUP_ID, TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import { assignPrincipalsHandler } from "../../src/activities/assignPrincipals";
import { createSyncJobHandler } from "../../src/activities/createSyncJob";
import { readSyncJobStatusHandler } from "../../src/activities/readSyncJobStatus";
import { saveSyncSecretsHandler } from "../../src/activities/saveSyncSecrets";
import { startSyncJobHandler } from "../../src/activities/startSyncJob";
import { parseGraphErrorText } from "../../src/graph/graphErrorText";
import { collection, type EmulatorHarness, expectedError, type Json } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";
import { PAIR, prepareApplication, preparePolicies, type ReadyApplication } from "./onboardingSteps";

let emulator: EmulatorHarness;
let application: ReadyApplication;

async function servicePrincipal(): Promise<Json> {
  const servicePrincipals = collection(await emulator.dump(TENANT_A_ID), "servicePrincipals");
  const found = servicePrincipals.find((candidate) => candidate["id"] === application.servicePrincipalId);
  if (!found) {
    throw new Error(`Service principal ${application.servicePrincipalId} is not in the dump.`);
  }
  return found;
}

async function jobsInDump(): Promise<Json[]> {
  return ((await servicePrincipal())["synchronization"] as { jobs: Json[] }).jobs;
}

async function assignmentsInDump(): Promise<Json[]> {
  return (await servicePrincipal())["appRoleAssignedTo"] as Json[];
}

function spInput() {
  return { sourceTenantId: TENANT_A_ID, servicePrincipalId: application.servicePrincipalId };
}

useEmulatorPerFile((started) => {
  emulator = started;
});

beforeEach(async () => {
  await preparePolicies(emulator);
  application = await prepareApplication(emulator);
});

describe("createSyncJob", () => {
  it("creates, then adopts without a duplicate", async () => {
    const created = await createSyncJobHandler(spInput(), emulator.context());
    expect(created.created).toBe(true);
    expect(created.id).toMatch(/^Azure2Azure\./);
    const adopted = await createSyncJobHandler(spInput(), emulator.context());
    expect(adopted).toEqual({ id: created.id, created: false });
    expect(await jobsInDump()).toHaveLength(1);
  });

  it("adopts the job when the create response is lost", async () => {
    await emulator.fault({
      method: "POST",
      path: "/synchronization/jobs$",
      status: 500,
      code: "InternalServerError",
      when: "after",
    });
    const output = await createSyncJobHandler(spInput(), emulator.context());
    expect(output.created).toBe(false);
    const jobs = await jobsInDump();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.["id"]).toBe(output.id);
  });
});

describe("saveSyncSecrets", () => {
  it("puts the contract's secrets and returns nothing", async () => {
    await emulator.clearRequests();
    const input = { ...PAIR, servicePrincipalId: application.servicePrincipalId };
    await expect(saveSyncSecretsHandler(input, emulator.context())).resolves.toBeNull();
    await expect(saveSyncSecretsHandler(input, emulator.context())).resolves.toBeNull();
    const puts = (await emulator.requests()).filter((request) => request.method === "PUT");
    expect(puts.map((request) => request.status)).toEqual([204, 204]);
    const secrets = ((await servicePrincipal())["synchronization"] as { secrets: Json[] }).secrets;
    expect(secrets.map((secret) => secret["key"]).sort()).toEqual([
      "AuthenticationType",
      "CompanyId",
      "SyncAll",
      "SyncNotificationSettings",
    ]);
  });
});

describe("assignPrincipals", () => {
  function input(users: string[], groups: string[]) {
    return { ...spInput(), appRoleId: application.appRoleId, users, groups };
  }

  it("assigns, then adopts without a duplicate", async () => {
    const first = await assignPrincipalsHandler(input([], [ALL_EMPLOYEES_GROUP_ID]), emulator.context());
    expect(first.assignments).toHaveLength(1);
    expect(first.assignments[0]).toMatchObject({
      principalId: ALL_EMPLOYEES_GROUP_ID,
      principalType: "Group",
      created: true,
    });
    const second = await assignPrincipalsHandler(
      input([], [ALL_EMPLOYEES_GROUP_ID, ENGINEERING_GROUP_ID]),
      emulator.context(),
    );
    expect(second.assignments[0]).toEqual({ ...first.assignments[0], created: false });
    expect(second.assignments[1]).toMatchObject({ principalId: ENGINEERING_GROUP_ID, created: true });
    const assignments = await assignmentsInDump();
    expect(assignments).toHaveLength(2);
  });

  it("adopts an assignment made concurrently", async () => {
    // Both runs list before either creates, so one create gets Graph's "already exists" 400.
    await emulator.fault({ method: "GET", path: "/appRoleAssignedTo$", delayMs: 100, times: 2 });
    const runs = await Promise.all([
      assignPrincipalsHandler(input([], [ENGINEERING_GROUP_ID]), emulator.context()),
      assignPrincipalsHandler(input([], [ENGINEERING_GROUP_ID]), emulator.context()),
    ]);
    const outcomes = runs.map((run) => run.assignments[0]);
    expect(outcomes.map((outcome) => outcome?.created).sort()).toEqual([false, true]);
    expect(outcomes[0]?.assignmentId).toBe(outcomes[1]?.assignmentId);
    expect(await assignmentsInDump()).toHaveLength(1);
  });

  it("adopts an assignment whose create response failed", async () => {
    await emulator.fault({
      method: "POST",
      path: "/appRoleAssignedTo$",
      status: 500,
      code: "InternalServerError",
      when: "after",
    });
    const output = await assignPrincipalsHandler(input([], [ENGINEERING_GROUP_ID]), emulator.context());
    const assignments = await assignmentsInDump();
    expect(assignments).toHaveLength(1);
    expect(output.assignments[0]?.assignmentId).toBe(assignments[0]?.["id"]);
  });

  it("rejects an id that is not a GUID before any write", async () => {
    await emulator.clearRequests();
    const error = await expectedError(assignPrincipalsHandler(input(["alice"], []), emulator.context()));
    expect(error.message).toContain("'alice'");
    expect(await emulator.requests()).toHaveLength(0);
  });

  it("names an unknown principal", async () => {
    const unknown = "0f0f0f0f-0000-4000-8000-000000000000";
    const error = await expectedError(assignPrincipalsHandler(input([unknown], []), emulator.context()));
    expect(error.message).toContain(`User ${unknown} could not be assigned`);
    expect(parseGraphErrorText(error.message)).toBeDefined();
  });
});

describe("startSyncJob and readSyncJobStatus", () => {
  it("starts twice and reports the running job", async () => {
    await saveSyncSecretsHandler({ ...PAIR, servicePrincipalId: application.servicePrincipalId }, emulator.context());
    const job = await createSyncJobHandler(spInput(), emulator.context());
    const before = await readSyncJobStatusHandler({ ...spInput(), jobId: job.id }, emulator.context());
    expect(before.jobId).toBe(job.id);
    expect(before.scheduleState).toBe("Disabled");
    await expect(startSyncJobHandler({ ...spInput(), jobId: job.id }, emulator.context())).resolves.toBeNull();
    await expect(startSyncJobHandler({ ...spInput(), jobId: job.id }, emulator.context())).resolves.toBeNull();
    const after = await readSyncJobStatusHandler({ ...spInput(), jobId: job.id }, emulator.context());
    expect(after.scheduleState).toBe("Active");
    expect(after.quarantine).toBeNull();
    expect(typeof after.countSuccessiveCompleteFailures).toBe("number");
  });

  it("reports a missing job as transient", async () => {
    const error = await expectedError(
      readSyncJobStatusHandler({ ...spInput(), jobId: "Azure2Azure.missing.job" }, emulator.context()),
    );
    expect(parseGraphErrorText(error.message)?.kind).toBe("transient");
    expect(parseGraphErrorText(error.message)?.code).toBe("Request_ResourceNotFound");
  });
});
