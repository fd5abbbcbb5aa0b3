import "./testEnvironment";

import { setTimeout } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { CROSS_TENANT_SYNC_TEMPLATE_ID, TENANT_A_ID } from "../../emulator/fixture";
import { createSyncApplicationHandler } from "../../src/activities/createSyncApplication";
import { readServicePrincipalHandler } from "../../src/activities/readServicePrincipal";
import { validateSyncCredentialsHandler } from "../../src/activities/validateSyncCredentials";
import { parseGraphErrorText } from "../../src/graph/graphErrorText";
import { collection, type EmulatorHarness, expectedError, type Json } from "./emulatorHarness";
import { useEmulatorPerFile } from "./emulatorHooks";
import {
  CONFIGURATION_NAME,
  PAIR,
  prepareApplication,
  preparePolicies,
  type ReadyApplication,
  waitUntilReady,
} from "./onboardingSteps";

let emulator: EmulatorHarness;
const input = { ...PAIR, configurationName: CONFIGURATION_NAME };

function validationInput(application: ReadyApplication) {
  return { ...PAIR, servicePrincipalId: application.servicePrincipalId };
}

async function syncApplications(): Promise<Json[]> {
  const applications = collection(await emulator.dump(TENANT_A_ID), "applications");
  return applications.filter((application) => application["applicationTemplateId"] === CROSS_TENANT_SYNC_TEMPLATE_ID);
}

useEmulatorPerFile((started) => {
  emulator = started;
});

describe("createSyncApplication", () => {
  it("creates, then adopts without a duplicate", async () => {
    const created = await createSyncApplicationHandler(input, emulator.context());
    expect(created.created).toBe(true);
    await setTimeout(100);
    const adopted = await createSyncApplicationHandler(input, emulator.context());
    expect(adopted).toEqual({ ...created, created: false });
    expect(await syncApplications()).toHaveLength(1);
    const servicePrincipals = collection(await emulator.dump(TENANT_A_ID), "servicePrincipals");
    expect(servicePrincipals.filter((candidate) => candidate["appId"] === created.appId)).toHaveLength(1);
  });

  it("adopts a name with a quote", async () => {
    const quoted = { ...input, configurationName: "O'Neil's sync" };
    const created = await createSyncApplicationHandler(quoted, emulator.context());
    await setTimeout(100);
    const adopted = await createSyncApplicationHandler(quoted, emulator.context());
    expect(adopted).toEqual({ ...created, created: false });
  });

  it("finds objects that a failed instantiate made", async () => {
    await emulator.fault({
      method: "POST",
      path: "/instantiate$",
      status: 500,
      code: "InternalServerError",
      when: "after",
    });
    const output = await createSyncApplicationHandler(input, emulator.context());
    expect(output.created).toBe(true);
    const applications = await syncApplications();
    expect(applications).toHaveLength(1);
    expect(applications[0]?.["id"]).toBe(output.applicationId);
    expect(emulator.logs.some((line) => line.text.startsWith("InstantiateFailedButObjectsFound (2022)"))).toBe(true);
  });

  it("rethrows a failed instantiate that made nothing", async () => {
    await emulator.fault({ method: "POST", path: "/instantiate$", status: 500, code: "InternalServerError" });
    const error = await expectedError(createSyncApplicationHandler(input, emulator.context()));
    expect(parseGraphErrorText(error.message)?.kind).toBe("transient");
    expect(await syncApplications()).toHaveLength(0);
  });
});

describe("readServicePrincipal", () => {
  it("reports not ready until replicated", async () => {
    await emulator.admin("PUT", "/_emulator/settings", { replicationDelayMs: 400 });
    const application = await createSyncApplicationHandler(input, emulator.context());
    const probe = { sourceTenantId: TENANT_A_ID, servicePrincipalId: application.servicePrincipalId };
    await expect(readServicePrincipalHandler(probe, emulator.context())).resolves.toEqual({
      ready: false,
      graphCode: "Request_ResourceNotFound",
    });
    const ready = await waitUntilReady(emulator, application.servicePrincipalId);
    expect(ready.ready).toBe(true);
    expect(ready.appRoleId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns the msiam_access role id", async () => {
    const application = await prepareApplication(emulator);
    const sp = collection(await emulator.dump(TENANT_A_ID), "servicePrincipals").find(
      (candidate) => candidate["id"] === application.servicePrincipalId,
    );
    const roles = (sp?.["appRoles"] ?? []) as Json[];
    const role = roles.find((candidate) => candidate["displayName"] === "msiam_access");
    expect(application.appRoleId).toBe(role?.["id"]);
  });

  it("throws other failures", async () => {
    await emulator.fault({ method: "GET", path: "^/servicePrincipals/", status: 400, code: "Request_BadRequest" });
    const probe = { sourceTenantId: TENANT_A_ID, servicePrincipalId: "3f1d5a38-6b1e-4a55-9d37-0c6e2b1f7a10" };
    const error = await expectedError(readServicePrincipalHandler(probe, emulator.context()));
    expect(parseGraphErrorText(error.message)?.kind).toBe("invalid");
  });
});

describe("validateSyncCredentials", () => {
  it("returns a policy-check failure as invalid", async () => {
    const application = await prepareApplication(emulator);
    const output = await validateSyncCredentialsHandler(
      { ...PAIR, servicePrincipalId: application.servicePrincipalId },
      emulator.context(),
    );
    expect(output.valid).toBe(false);
    if (!output.valid) {
      expect(output.code).toMatch(/PolicyCheckFailure$/);
      expect(output.message.length).toBeGreaterThan(0);
    }
  });

  it("is valid once policies propagated", async () => {
    await preparePolicies(emulator);
    const application = await prepareApplication(emulator);
    await setTimeout(100);
    await expect(validateSyncCredentialsHandler(validationInput(application), emulator.context())).resolves.toEqual({
      valid: true,
    });
  });

  it("retries a throttled request inside the client", async () => {
    await preparePolicies(emulator);
    const application = await prepareApplication(emulator);
    await setTimeout(100);
    await emulator.clearRequests();
    await emulator.fault({
      method: "POST",
      path: "/validateCredentials$",
      status: 429,
      code: "Request_ThrottledTemporarily",
      retryAfterSeconds: 1,
    });
    await expect(validateSyncCredentialsHandler(validationInput(application), emulator.context())).resolves.toEqual({
      valid: true,
    });
    const calls = (await emulator.requests()).filter((request) => request.path.endsWith("/validateCredentials"));
    expect(calls.map((call) => call.status)).toEqual([429, 204]);
  });
});
