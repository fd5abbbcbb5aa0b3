import "./testEnvironment";

import { beforeEach, describe, expect, it } from "vitest";

import { TENANT_A_ID } from "../../emulator/fixture";
import { assignPrincipalsHandler } from "../../src/activities/assignPrincipals";
import { createSyncJobHandler } from "../../src/activities/createSyncJob";
import { deleteSyncApplicationHandler } from "../../src/activities/deleteSyncApplication";
import { deleteSyncJobHandler } from "../../src/activities/deleteSyncJob";
import { removeAppRoleAssignmentHandler } from "../../src/activities/removeAppRoleAssignment";
import { parseGraphErrorText } from "../../src/graph/graphErrorText";
import { collection, type EmulatorHarness, expectedError, type Json } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";
import { prepareApplication, preparePolicies, type ReadyApplication } from "./onboardingSteps";

let emulator: EmulatorHarness;
let application: ReadyApplication;

async function servicePrincipal(): Promise<Json | undefined> {
  const servicePrincipals = collection(await emulator.dump(TENANT_A_ID), "servicePrincipals");
  return servicePrincipals.find((candidate) => candidate["id"] === application.servicePrincipalId);
}

async function applicationInDump(): Promise<Json | undefined> {
  const applications = collection(await emulator.dump(TENANT_A_ID), "applications");
  return applications.find((candidate) => candidate["id"] === application.applicationId);
}

function spInput() {
  return { sourceTenantId: TENANT_A_ID, servicePrincipalId: application.servicePrincipalId };
}

async function assignFirstUser(): Promise<string> {
  const users = collection(await emulator.dump(TENANT_A_ID), "users");
  const userId = String(users[0]?.["id"]);
  const output = await assignPrincipalsHandler(
    { ...spInput(), appRoleId: application.appRoleId, users: [userId], groups: [] },
    emulator.context(),
  );
  return output.assignments[0]?.assignmentId ?? "";
}

useEmulatorPerFile((started) => {
  emulator = started;
});

beforeEach(async () => {
  await preparePolicies(emulator);
  application = await prepareApplication(emulator);
});

describe("removeAppRoleAssignment", () => {
  it("removes the assignment, then tolerates the 404", async () => {
    const assignmentId = await assignFirstUser();
    const input = { ...spInput(), assignmentId };
    await expect(removeAppRoleAssignmentHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: false });
    expect((await servicePrincipal())?.["appRoleAssignedTo"]).toEqual([]);
    await expect(removeAppRoleAssignmentHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });

  it("retries past a throttled delete", async () => {
    const assignmentId = await assignFirstUser();
    await emulator.fault({
      method: "DELETE",
      path: "/appRoleAssignedTo/",
      status: 429,
      code: "Request_ThrottledTemporarily",
      retryAfterSeconds: 0,
      times: 1,
    });
    await expect(removeAppRoleAssignmentHandler({ ...spInput(), assignmentId }, emulator.context())).resolves.toEqual({
      alreadyUndone: false,
    });
  });
});

describe("deleteSyncJob", () => {
  it("deletes the job, then tolerates the 404", async () => {
    const job = await createSyncJobHandler(spInput(), emulator.context());
    const input = { ...spInput(), jobId: job.id };
    await expect(deleteSyncJobHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: false });
    const jobs = ((await servicePrincipal())?.["synchronization"] as { jobs: Json[] }).jobs;
    expect(jobs).toEqual([]);
    await expect(deleteSyncJobHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });

  it("fails when Graph denies the delete", async () => {
    const job = await createSyncJobHandler(spInput(), emulator.context());
    await emulator.fault({
      method: "DELETE",
      path: "/synchronization/jobs/",
      status: 403,
      code: "Authorization_RequestDenied",
    });
    const error = await expectedError(deleteSyncJobHandler({ ...spInput(), jobId: job.id }, emulator.context()));
    expect(parseGraphErrorText(error.message)?.kind).toBe("forbidden");
  });
});

describe("deleteSyncApplication", () => {
  it("deletes the service principal and application, then tolerates the 404s", async () => {
    const input = { ...spInput(), applicationId: application.applicationId };
    await expect(deleteSyncApplicationHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: false });
    expect(await servicePrincipal()).toBeUndefined();
    expect(await applicationInDump()).toBeUndefined();
    await expect(deleteSyncApplicationHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: true });
  });

  it("deletes the application when the service principal is gone", async () => {
    await emulator.fault({
      method: "DELETE",
      path: "^/servicePrincipals/",
      status: 404,
      code: "Request_ResourceNotFound",
    });
    const input = { ...spInput(), applicationId: application.applicationId };
    await expect(deleteSyncApplicationHandler(input, emulator.context())).resolves.toEqual({ alreadyUndone: false });
    expect(await applicationInDump()).toBeUndefined();
  });

  it("keeps the application when the service principal delete fails", async () => {
    await emulator.fault({
      method: "DELETE",
      path: "^/servicePrincipals/",
      status: 403,
      code: "Authorization_RequestDenied",
    });
    const input = { ...spInput(), applicationId: application.applicationId };
    const error = await expectedError(deleteSyncApplicationHandler(input, emulator.context()));
    expect(parseGraphErrorText(error.message)?.code).toBe("Authorization_RequestDenied");
    expect(await applicationInDump()).toBeDefined();
  });
});
