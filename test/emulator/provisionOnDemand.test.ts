import { beforeEach, describe, expect, it } from "vitest";
import { TENANT_A_ID, TENANT_B_ID } from "../../emulator/fixture";
import { type EmulatorClient, sleep } from "./emulatorClient";
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
let ruleId: string;

const MEGAN_ID = "a1000000-0000-4000-8000-000000000006";
const ADELE_ID = "a1000000-0000-4000-8000-000000000001";

useEmulatorClientPerFile((started) => {
  client = started;
});

beforeEach(async () => {
  app = await createSyncApplication(client);
  const jobId = await createJobWithSecrets(client, app);
  jobPath = `/servicePrincipals/${app.servicePrincipalId}/synchronization/jobs/${jobId}`;
  ruleId = (await client.graph(TENANT_A_ID, "GET", `${jobPath}/schema`)).body.synchronizationRules[0].id;
});

function provision(objectId: string, rule = ruleId) {
  return client.graph(TENANT_A_ID, "POST", `${jobPath}/provisionOnDemand`, {
    parameters: [{ ruleId: rule, subjects: [{ objectId, objectTypeName: "User" }] }],
  });
}

async function targetUserCount(): Promise<number> {
  const dump = await client.admin("GET", `/tenants/${TENANT_B_ID}`);
  return dump.body.users.filter((user: { syncSource: unknown }) => user.syncSource !== null).length;
}

describe("provisionOnDemand", () => {
  it("creates an in-scope user at once, without a started job", async () => {
    await allowSyncFromAToB(client);
    await assign(client, app, MEGAN_ID);
    await sleep(60);
    const result = await provision(MEGAN_ID);
    const entry = JSON.parse(result.body.value);
    expect(result.status).toBe(200);
    expect(typeof result.body.key).toBe("string");
    expect(entry.provisioningAction).toBe("create");
    expect(entry.provisioningStatusInfo.status).toBe("success");
    expect(await targetUserCount()).toBe(1);
  });

  it("skips a user outside the job's scope", async () => {
    await allowSyncFromAToB(client);
    await sleep(60);
    const entry = JSON.parse((await provision(ADELE_ID)).body.value);
    expect(entry.provisioningStatusInfo.status).toBe("skipped");
    expect(await targetUserCount()).toBe(0);
  });

  it("reports a policy check failure in the result", async () => {
    await assign(client, app, MEGAN_ID);
    const entry = JSON.parse((await provision(MEGAN_ID)).body.value);
    expect(entry.provisioningStatusInfo.status).toBe("failure");
    expect(entry.provisioningStatusInfo.errorInformation.errorCode).toBe(
      "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure",
    );
  });

  it("rejects a rule id that is not in the schema", async () => {
    const result = await provision(MEGAN_ID, "00000000-0000-0000-0000-000000000000");
    expect(result.status).toBe(400);
  });

  it("answers 404 for an unknown user", async () => {
    const result = await provision("a1000000-0000-4000-8000-0000000000ff");
    expect(result.status).toBe(404);
  });

  it("throttles the sixth call within ten seconds", async () => {
    const statuses: number[] = [];
    for (let call = 0; call < 6; call += 1) {
      statuses.push((await provision(ADELE_ID)).status);
    }
    const throttled = await provision(ADELE_ID);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
