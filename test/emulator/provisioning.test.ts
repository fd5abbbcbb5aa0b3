import { beforeEach, describe, expect, it } from "vitest";
import {
  ALL_EMPLOYEES_GROUP_ID,
  ENGINEERING_GROUP_ID,
  TENANT_A_ID,
  TENANT_B_DOMAIN,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { type EmulatorClient, sleep, waitFor } from "./emulatorClient";
import { useEmulatorClientPerFile } from "./emulatorClientHooks";
import {
  allowSyncFromAToB,
  assign,
  createJobWithSecrets,
  createSyncApplication,
  type SyncApplication,
} from "./syncPairSetup";

let client: EmulatorClient;
let app: SyncApplication;
let jobPath: string;

const MEGAN_ID = "a1000000-0000-4000-8000-000000000006";
const LYNNE_DISABLED_ID = "a1000000-0000-4000-8000-000000000005";

useEmulatorClientPerFile((started) => {
  client = started;
});

beforeEach(async () => {
  app = await createSyncApplication(client);
  const jobId = await createJobWithSecrets(client, app);
  jobPath = `/servicePrincipals/${app.servicePrincipalId}/synchronization/jobs/${jobId}`;
});

interface DumpUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  userType: string;
  externalUserState: string | null;
  creationType: string | null;
  mail: string | null;
  syncSource: { sourceTenantId: string; sourceId: string } | null;
}

async function syncedUsers(): Promise<DumpUser[]> {
  const dump = await client.admin("GET", `/tenants/${TENANT_B_ID}`);
  return (dump.body.users as DumpUser[]).filter((user) => user.syncSource !== null);
}

async function job() {
  return (await client.graph(TENANT_A_ID, "GET", jobPath)).body;
}

/** Waits until the job has finished a cycle after the given time (ISO). */
function cycleAfter(time: string) {
  return waitFor(async () => {
    const current = await job();
    const ended = current.status.lastExecution?.timeEnded as string | undefined;
    return ended !== undefined && Date.parse(ended) >= Date.parse(time) - 1000 ? current : undefined;
  }, "a sync cycle");
}

describe("provisioning engine", () => {
  it("creates one B2B user per enabled in-scope user, by group and directly", async () => {
    await allowSyncFromAToB(client);
    await assign(client, app, ALL_EMPLOYEES_GROUP_ID);
    await assign(client, app, ENGINEERING_GROUP_ID);
    await assign(client, app, MEGAN_ID);
    await sleep(60);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    const users = await waitFor(async () => {
      const synced = await syncedUsers();
      return synced.length === 5 ? synced : undefined;
    }, "five synced users");
    expect(users.map((user) => user.syncSource?.sourceId)).not.toContain(LYNNE_DISABLED_ID);
    const megan = users.find((user) => user.syncSource?.sourceId === MEGAN_ID);
    expect(megan).toMatchObject({
      displayName: "Megan Bowen",
      userPrincipalName: `MeganB_M365x15302292.onmicrosoft.com#EXT#@${TENANT_B_DOMAIN}`,
      userType: "Member",
      externalUserState: "Accepted",
      creationType: null,
      mail: "MeganB@M365x15302292.onmicrosoft.com",
    });
    await sleep(150);
    expect(await syncedUsers()).toHaveLength(5);
  });

  it("reports job status and writes provisioning logs with the target id", async () => {
    await allowSyncFromAToB(client);
    await assign(client, app, MEGAN_ID);
    await sleep(60);
    const started = new Date().toISOString();
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    const status = (await cycleAfter(started)).status;
    const [megan] = await syncedUsers();
    expect(status.lastExecution.state).toBe("Succeeded");
    expect(status.lastExecution.countExported).toBe(1);
    expect(status.lastSuccessfulExecution.state).toBe("Succeeded");
    expect(status.countSuccessiveCompleteFailures).toBe(0);
    expect(status.steadyStateLastAchievedTime).not.toBe("0001-01-01T00:00:00Z");
    expect(status.synchronizedEntryCountByType).toEqual([{ key: "user to user", value: 1 }]);
    const jobId = jobPath.split("/").pop();
    const filter = encodeURIComponent(`jobId eq '${jobId}' and provisioningStatusInfo/status eq 'success'`);
    const logs = await client.graph(
      TENANT_A_ID,
      "GET",
      `/auditLogs/provisioning?$filter=${filter}&$top=500&$orderby=activityDateTime desc`,
    );
    expect(logs.body.value).toHaveLength(1);
    expect(logs.body.value[0]).toMatchObject({
      provisioningAction: "create",
      servicePrincipal: { id: app.servicePrincipalId },
      sourceIdentity: { id: MEGAN_ID },
      targetIdentity: { id: megan?.id },
    });
  });

  it("exports a changed source attribute as an update", async () => {
    await allowSyncFromAToB(client);
    await assign(client, app, MEGAN_ID);
    await sleep(60);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    await waitFor(async () => ((await syncedUsers()).length === 1 ? true : undefined), "the user to be created");
    await client.admin("PATCH", `/tenants/${TENANT_A_ID}/users/${MEGAN_ID}`, { displayName: "Megan Bowen-Smith" });
    const renamed = await waitFor(async () => {
      const [megan] = await syncedUsers();
      return megan?.displayName === "Megan Bowen-Smith" ? megan : undefined;
    }, "the new display name in the target");
    const filter = encodeURIComponent("provisioningAction eq 'update'");
    const updates = await client.graph(TENANT_A_ID, "GET", `/auditLogs/provisioning?$filter=${filter}`);
    expect(renamed.userPrincipalName).toBe(`MeganB_M365x15302292.onmicrosoft.com#EXT#@${TENANT_B_DOMAIN}`);
    expect(updates.body.value).toHaveLength(1);
    expect(updates.body.value[0].modifiedProperties).toEqual([
      { displayName: "displayName", oldValue: '"Megan Bowen"', newValue: '"Megan Bowen-Smith"' },
    ]);
  });

  it("disables the target user when the source user is disabled", async () => {
    await allowSyncFromAToB(client);
    await assign(client, app, MEGAN_ID);
    await sleep(60);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    await waitFor(async () => ((await syncedUsers()).length === 1 ? true : undefined), "the user to be created");
    await client.admin("PATCH", `/tenants/${TENANT_A_ID}/users/${MEGAN_ID}`, { accountEnabled: false });
    await waitFor(async () => {
      const dump = await client.admin("GET", `/tenants/${TENANT_B_ID}`);
      const megan = dump.body.users.find((user: DumpUser) => user.syncSource?.sourceId === MEGAN_ID);
      return megan?.accountEnabled === false ? true : undefined;
    }, "the target user to be disabled");
  });

  it("uses the userType constant of the job schema", async () => {
    const schema = (await client.graph(TENANT_A_ID, "GET", `${jobPath}/schema`)).body;
    const mappings = schema.synchronizationRules[0].objectMappings[0].attributeMappings;
    const isUserType = (mapping: { targetAttributeName: string }) => mapping.targetAttributeName === "userType";
    const userType = mappings.find(isUserType);
    userType.source = { expression: '"Guest"', name: "Guest", parameters: [], type: "Constant" };
    await client.graph(TENANT_A_ID, "PUT", `${jobPath}/schema`, schema);
    await allowSyncFromAToB(client);
    await assign(client, app, MEGAN_ID);
    await sleep(60);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    const [megan] = await waitFor(async () => {
      const synced = await syncedUsers();
      return synced.length === 1 ? synced : undefined;
    }, "one synced user");
    expect(megan?.userType).toBe("Guest");
  });

  it("deletes a target user on the next cycle after it leaves scope", async () => {
    await allowSyncFromAToB(client);
    const assignment = await assign(client, app, MEGAN_ID);
    await sleep(60);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    await waitFor(async () => ((await syncedUsers()).length === 1 ? true : undefined), "the user to be created");
    await client.graph(
      TENANT_A_ID,
      "DELETE",
      `/servicePrincipals/${app.servicePrincipalId}/appRoleAssignedTo/${assignment.body.id}`,
    );
    await waitFor(async () => ((await syncedUsers()).length === 0 ? true : undefined), "the user to be deleted");
    const logs = await client.graph(
      TENANT_A_ID,
      "GET",
      `/auditLogs/provisioning?$filter=${encodeURIComponent("provisioningAction eq 'delete'")}`,
    );
    expect(logs.body.value).toHaveLength(1);
    expect(logs.body.value[0].sourceIdentity.id).toBe(MEGAN_ID);
  });

  it("quarantines after three policy failures", async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await assign(client, app, MEGAN_ID);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    const quarantined = await waitFor(async () => {
      const current = await job();
      return current.status.code === "Quarantine" ? current : undefined;
    }, "the job to be quarantined");
    expect(quarantined.status.countSuccessiveCompleteFailures).toBe(3);
    expect(quarantined.status.lastExecution.state).toBe("Failed");
    expect(quarantined.status.lastExecution.error.code).toBe("AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure");
    expect(quarantined.status.quarantine.reason).toBe("EncounteredQuarantineException");
    expect(await syncedUsers()).toEqual([]);
    const failures = await client.graph(
      TENANT_A_ID,
      "GET",
      `/auditLogs/provisioning?$filter=${encodeURIComponent("provisioningStatusInfo/status eq 'failure'")}`,
    );
    expect(failures.body.value).toHaveLength(3);
    const jobId = jobPath.split("/").pop();
    const windowFilter = encodeURIComponent(
      `jobId eq '${jobId}' and activityDateTime ge ${since} and provisioningStatusInfo/status eq 'failure'`,
    );
    const inWindow = await client.graph(TENANT_A_ID, "GET", `/auditLogs/provisioning?$filter=${windowFilter}&$top=500`);
    const future = encodeURIComponent(`activityDateTime ge ${new Date(Date.now() + 60_000).toISOString()}`);
    const afterWindow = await client.graph(TENANT_A_ID, "GET", `/auditLogs/provisioning?$filter=${future}`);
    expect(inWindow.body.value).toHaveLength(3);
    expect(afterWindow.body.value).toEqual([]);
    const errorInformation = failures.body.value[0].provisioningStatusInfo.errorInformation;
    expect(errorInformation.errorCode).toBe("AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure");
  });

  it("stops running a quarantined job until start lifts the quarantine", async () => {
    await assign(client, app, MEGAN_ID);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    await waitFor(async () => ((await job()).status.code === "Quarantine" ? true : undefined), "quarantine");
    await allowSyncFromAToB(client);
    await sleep(150);
    expect(await syncedUsers()).toEqual([]);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    await waitFor(async () => ((await syncedUsers()).length === 1 ? true : undefined), "the user after start");
    const current = await job();
    expect(current.status.code).toBe("Active");
    expect(current.status.quarantine).toBeNull();
  });

  it("logs failures against existing target users", async () => {
    await allowSyncFromAToB(client);
    await assign(client, app, MEGAN_ID);
    await sleep(60);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    await waitFor(async () => ((await syncedUsers()).length === 1 ? true : undefined), "the user to be created");
    const policy = { identitySynchronization: { userSyncInbound: { isSyncAllowed: false } } };
    await client.admin("PATCH", `/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, policy);
    await waitFor(async () => ((await job()).status.lastExecution.state === "Failed" ? true : undefined), "a failure");
    const [megan] = await syncedUsers();
    const filter = encodeURIComponent("provisioningStatusInfo/status eq 'failure'");
    const failures = await client.graph(TENANT_A_ID, "GET", `/auditLogs/provisioning?$filter=${filter}`);
    expect(failures.body.value[0].provisioningAction).toBe("update");
    expect(failures.body.value[0].targetIdentity.id).toBe(megan?.id);
  });

  it("keeps synced users and stops deleting when the target withdraws inbound sync", async () => {
    await allowSyncFromAToB(client);
    const assignment = await assign(client, app, MEGAN_ID);
    await sleep(60);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    await waitFor(async () => ((await syncedUsers()).length === 1 ? true : undefined), "the user to be created");
    await client.admin("PATCH", `/tenants/${TENANT_B_ID}/partners/${TENANT_A_ID}`, {
      identitySynchronization: { userSyncInbound: { isSyncAllowed: false } },
    });
    await client.graph(
      TENANT_A_ID,
      "DELETE",
      `/servicePrincipals/${app.servicePrincipalId}/appRoleAssignedTo/${assignment.body.id}`,
    );
    await waitFor(
      async () => ((await job()).status.lastExecution.state === "Failed" ? true : undefined),
      "a failed cycle",
    );
    expect(await syncedUsers()).toHaveLength(1);
  });

  it("runs no further cycles once its service principal is deleted", async () => {
    await assign(client, app, MEGAN_ID);
    await client.graph(TENANT_A_ID, "POST", `${jobPath}/start`);
    const deleted = await client.graph(TENANT_A_ID, "DELETE", `/servicePrincipals/${app.servicePrincipalId}`);
    await sleep(150);
    const logs = await client.graph(TENANT_A_ID, "GET", "/auditLogs/provisioning");
    expect(deleted.status).toBe(204);
    expect(logs.body.value).toEqual([]);
  });
});
