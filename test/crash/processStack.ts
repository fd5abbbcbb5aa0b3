import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { azuriteConnectionString, findFreePort, startAzurite, type RunningAzurite } from "../../scripts/lib/azurite";
import { startChild, type RunningChild } from "../../scripts/lib/startChild";
import type { EmulatorSettings } from "../../emulator/settings";
import { appRoot, writeTestSettings } from "../integration/fullStack";
import { spawnHost, type SpawnedHost } from "../local-host/spawnHost";

const emulatorMainFile = path.join(appRoot, "dist", "emulator", "main.js");

async function killProcess(running: { child: RunningChild["child"] }): Promise<void> {
  const { child } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
}

/**
 * What `npm start` runs, as separate processes that a test can kill with SIGKILL and start again: Azurite with its
 * data in a folder, the Graph emulator with a state file, and the local host with a durable data folder. Azurite and
 * the emulator keep their ports across restarts, because the host's settings name them.
 */
export class ProcessStack {
  readonly folder = mkdtempSync(path.join(tmpdir(), "process-stack-"));
  readonly settingsFile: string;
  readonly emulatorUrl: string;
  #azurite: RunningAzurite | undefined;
  #emulator: RunningChild | undefined;
  #host: SpawnedHost | undefined;

  private constructor(
    readonly azuritePort: number,
    readonly emulatorPort: number,
  ) {
    this.emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
    const registryTable = `KillPairs${randomBytes(6).toString("hex")}`;
    this.settingsFile = writeTestSettings(this.emulatorUrl, {
      AzureWebJobsStorage: azuriteConnectionString(azuritePort),
      REGISTRY_TABLE_NAME: registryTable,
    });
  }

  /** Picks the ports; nothing runs until `start`. */
  static async create(): Promise<ProcessStack> {
    return new ProcessStack(await findFreePort(), await findFreePort());
  }

  get api(): string {
    if (this.#host === undefined) throw new Error("The host is not running.");
    return `${this.#host.loopbackUrl}/api`;
  }

  /** Starts Azurite, the emulator and the host on the same folders as any earlier start. */
  async start(): Promise<void> {
    this.#azurite = await startAzurite({
      appRoot,
      port: this.azuritePort,
      location: path.join(this.folder, "azurite"),
    });
    this.#emulator = await startChild({
      name: "emulator",
      args: [
        emulatorMainFile,
        ...["--port", String(this.emulatorPort), "--state-file", path.join(this.folder, "emulator", "state.json")],
      ],
      readyLine: /listening on (http:\/\/\S+)/,
    });
    this.#host = await spawnHost({
      appRoot,
      settingsFile: this.settingsFile,
      dataDir: path.join(this.folder, "host"),
      readyTimeoutMs: 30_000,
    });
  }

  /** Changes the emulator's settings; with a state file they outlive restarts. */
  async setEmulatorSettings(settings: Partial<EmulatorSettings>): Promise<void> {
    const response = await fetch(`${this.emulatorUrl}/_emulator/settings`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(settings),
    });
    if (!response.ok) throw new Error(`PUT /_emulator/settings answered ${response.status}.`);
  }

  /** Kills all three processes with SIGKILL at the same moment, as `kill -9` of npm start's process group does. */
  async killAll(): Promise<void> {
    const running = [this.#azurite?.child, this.#emulator, this.#host].flatMap((entry) => (entry ? [entry] : []));
    this.#azurite = undefined;
    this.#emulator = undefined;
    this.#host = undefined;
    await Promise.all(running.map((entry) => killProcess(entry)));
  }

  hostOutput(): string {
    return this.#host?.output() ?? "";
  }

  async close(): Promise<void> {
    await this.#host?.stop();
    await this.#emulator?.stop();
    await this.#azurite?.stop();
  }
}
