import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import {
  ALL_EMPLOYEES_GROUP_ID,
  CROSS_TENANT_SYNC_TEMPLATE_ID,
  TENANT_A_ID,
  TENANT_B_ID,
} from "../../emulator/fixture";
import { startChild, stopChild } from "../../scripts/lib/startChild";
import { appRoot } from "../integration/fullStack";
import { StateFileError } from "../../emulator/persistence/stateFile";
import { startEmulator } from "../../emulator/server";
import { EmulatorClient, FAST_SETTINGS, waitFor } from "./emulatorClient";
import { allowSyncFromAToB, assign, createJobWithSecrets, createSyncApplication } from "./syncPairSetup";

const clients: EmulatorClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

/** Returns the state file's text, or undefined while the emulator has not written it yet. */
function readSavedText(stateFile: string): string | undefined {
  return existsSync(stateFile) ? readFileSync(stateFile, "utf8") : undefined;
}

async function stopClient(client: EmulatorClient): Promise<void> {
  clients.splice(clients.indexOf(client), 1);
  await client.close();
}

function newStateFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "emulator-state-")), "nested", "state.json");
}

async function startWithFile(stateFile: string): Promise<EmulatorClient> {
  const client = await EmulatorClient.start(FAST_SETTINGS, stateFile);
  clients.push(client);
  return client;
}

/** Returns every tenant's dump, in the order the emulator lists them, and the settings. */
async function dumpAll(client: EmulatorClient): Promise<unknown> {
  const tenants = (await client.admin("GET", "/tenants")).body as { tenantId: string }[];
  const dumps = await Promise.all(
    tenants.map(async (tenant) => (await client.admin("GET", `/tenants/${tenant.tenantId}`)).body),
  );
  return { dumps, settings: (await client.admin("GET", "/settings")).body };
}

async function readJob(client: EmulatorClient, spId: string, jobId: string) {
  const result = await client.graph(TENANT_A_ID, "GET", `/servicePrincipals/${spId}/synchronization/jobs/${jobId}`);
  return result.body as {
    status: { code: string; lastExecution: { activityIdentifier: string; state: string } | null };
  };
}

describe("emulator state file", () => {
  it("restart restores the same dump", async () => {
    const stateFile = newStateFile();
    const first = await startWithFile(stateFile);
    const created = await first.admin("POST", "/tenants", { displayName: "Tenant D" });
    expect(created.status).toBe(201);
    await allowSyncFromAToB(first);
    const app = await createSyncApplication(first);
    const jobId = await createJobWithSecrets(first, app);
    await assign(first, app, ALL_EMPLOYEES_GROUP_ID);
    await first.graph(
      TENANT_A_ID,
      "POST",
      `/servicePrincipals/${app.servicePrincipalId}/synchronization/jobs/${jobId}/start`,
    );
    await waitFor(async () => {
      const job = await readJob(first, app.servicePrincipalId, jobId);
      return job.status.lastExecution?.state === "Succeeded" ? true : undefined;
    }, "the first sync cycle");
    // A longer interval keeps cycles from changing the job between the two dumps.
    await first.admin("PUT", "/settings", { syncCycleIntervalMs: 1500 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = await dumpAll(first);
    const lastCycle = (await readJob(first, app.servicePrincipalId, jobId)).status.lastExecution?.activityIdentifier;
    await first.close();
    clients.splice(clients.indexOf(first), 1);

    const second = await startWithFile(stateFile);
    expect(await dumpAll(second)).toEqual(before);

    // The job's cycles resume with the saved secrets, and old tokens are gone, so clients fetch new ones.
    const afterRestart = await waitFor(
      async () => {
        const job = await readJob(second, app.servicePrincipalId, jobId);
        const execution = job.status.lastExecution;
        return execution !== null && execution.activityIdentifier !== lastCycle ? execution : undefined;
      },
      "a sync cycle after the restart",
      5000,
    );
    expect(afterRestart.state).toBe("Succeeded");
    const staleToken = await second.raw("GET", "/v1.0/users", {
      authorization: `Bearer ${await first.token(TENANT_B_ID)}`,
    });
    expect(staleToken.status).toBe(401);
  });

  it("saves a change before answering", async () => {
    const stateFile = newStateFile();
    const client = await startWithFile(stateFile);
    const created = await client.admin("POST", "/tenants", { displayName: "Tenant E" });
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { tenants: [string, unknown][] };
    expect(saved.tenants.map(([id]) => id)).toContain(created.body.tenantId);
  });

  it("saves a change during an after fault delay", async () => {
    const stateFile = newStateFile();
    const client = await startWithFile(stateFile);
    const fault = await client.admin("POST", "/faults", {
      method: "POST",
      path: "^/applicationTemplates/",
      tenantId: TENANT_A_ID,
      status: 504,
      delayMs: 5000,
      when: "after",
    });
    expect(fault.status).toBe(201);
    let responded = false;
    const instantiate = `/applicationTemplates/${CROSS_TENANT_SYNC_TEMPLATE_ID}/instantiate`;
    const pendingResponse = client.graph(TENANT_A_ID, "POST", instantiate, { displayName: "Held app" }).then(
      () => (responded = true),
      () => (responded = true),
    );

    const saved = await waitFor(
      async () => {
        const text = readSavedText(stateFile);
        return text?.includes("Held app") === true ? text : undefined;
      },
      "the held request's application in the state file",
      2000,
    );
    expect(responded).toBe(false);

    // A copy taken now is what a kill -9 during the delay leaves behind.
    const copy = newStateFile();
    mkdirSync(path.dirname(copy), { recursive: true });
    writeFileSync(copy, saved);
    await stopClient(client);
    await pendingResponse;
    const restarted = await startWithFile(copy);
    const dump = (await restarted.admin("GET", `/tenants/${TENANT_A_ID}`)).body as {
      applications: { displayName: string }[];
    };
    expect(dump.applications.map((application) => application.displayName)).toContain("Held app");
  });

  it("close writes the state file again", async () => {
    const stateFile = newStateFile();
    const client = await startWithFile(stateFile);
    const created = await client.admin("POST", "/tenants", { displayName: "Tenant G" });
    rmSync(stateFile);
    await stopClient(client);
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { tenants: [string, unknown][] };
    expect(saved.tenants.map(([id]) => id)).toContain(created.body.tenantId);
  });

  it("SIGTERM writes the state file before exit", async () => {
    const stateFile = newStateFile();
    const emulator = await startChild({
      name: "emulator",
      args: [path.join(appRoot, "dist", "emulator", "main.js"), "--port", "0", "--state-file", stateFile],
      readyLine: /listening on (http:\/\/\S+)/,
    });
    try {
      const created = await fetch(`${emulator.url}/_emulator/tenants`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ displayName: "Tenant H" }),
      });
      expect(created.status).toBe(201);
      const tenantId = ((await created.json()) as { tenantId: string }).tenantId;
      rmSync(stateFile);
      await stopChild(emulator.child, "SIGTERM");
      expect(emulator.child.exitCode).toBe(0);
      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { tenants: [string, unknown][] };
      expect(saved.tenants.map(([id]) => id)).toContain(tenantId);
    } finally {
      await stopChild(emulator.child, "SIGKILL");
    }
  });

  it("reset returns the file to the fixture", async () => {
    const stateFile = newStateFile();
    const first = await startWithFile(stateFile);
    await first.admin("POST", "/tenants", { displayName: "Tenant F" });
    const reset = await first.admin("POST", "/reset");
    expect(reset.status).toBe(204);
    await first.close();
    clients.splice(clients.indexOf(first), 1);

    const second = await startWithFile(stateFile);
    const tenants = (await second.admin("GET", "/tenants")).body as { displayName: string }[];
    expect(tenants.map((tenant) => tenant.displayName)).toEqual(["Tenant A", "Tenant B", "Tenant C"]);
  });

  it("rejects a corrupt state file", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "emulator-state-")), "state.json");
    writeFileSync(stateFile, "{");
    const started = startEmulator({ port: 0, stateFile });
    await expect(started).rejects.toBeInstanceOf(StateFileError);
    await expect(started).rejects.toThrow(/Delete it to start from the fixture/);
  });

  it("rejects a file of another format", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "emulator-state-")), "state.json");
    writeFileSync(stateFile, JSON.stringify({ format: 99, tenants: [], clients: [], settings: {} }));
    await expect(startEmulator({ port: 0, stateFile })).rejects.toThrow(/format 99, expected 1/);
  });
});
