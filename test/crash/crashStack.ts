import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { startEmulator, type RunningEmulator } from "../../emulator/server";
import { appRoot, FAST_EMULATOR, getJson, writeTestSettings } from "../integration/fullStack";
import { spawnHost, type SpawnedHost } from "../local-host/spawnHost";

/**
 * The Graph emulator in-process and the app on the local host in a child process that a test can kill with SIGKILL
 * and start again. Every start uses the same `--data` folder and settings file, as `npm start` does with
 * `.data/local-host`, so durable state survives the kill.
 */
export class CrashStack {
  readonly emulator: RunningEmulator;
  readonly dataDir: string;
  readonly settingsFile: string;
  #host: SpawnedHost | undefined;
  #starts = 0;

  private constructor(emulator: RunningEmulator, dataDir: string, settingsFile: string) {
    this.emulator = emulator;
    this.dataDir = dataDir;
    this.settingsFile = settingsFile;
  }

  /** Starts the emulator and writes the settings; the host starts with `startHost`. */
  static async create(): Promise<CrashStack> {
    const emulator = await startEmulator({ port: 0, settings: FAST_EMULATOR });
    const dataDir = mkdtempSync(path.join(tmpdir(), "crash-host-data-"));
    // A registry table per stack, because concurrent stacks onboard the same pair and must not see each other's record.
    const registryTable = `CrashPairs${randomBytes(6).toString("hex")}`;
    const settingsFile = writeTestSettings(emulator.url, { REGISTRY_TABLE_NAME: registryTable });
    return new CrashStack(emulator, dataDir, settingsFile);
  }

  /** Base URL of the app's HTTP API on the running host. The port changes with every start. */
  get api(): string {
    return `${this.#runningHost().loopbackUrl}/api`;
  }

  /** How many times the host has been started, the first start included. */
  get starts(): number {
    return this.#starts;
  }

  async startHost(): Promise<void> {
    if (this.#host !== undefined) {
      throw new Error("The host is already running; kill it first.");
    }
    const options = { appRoot, settingsFile: this.settingsFile, dataDir: this.dataDir, readyTimeoutMs: 30_000 };
    this.#host = await spawnHost(options);
    this.#starts += 1;
  }

  /** Kills the host process with SIGKILL, as `kill -9` does, and waits until it has exited. */
  async killHost(): Promise<void> {
    const host = this.#runningHost();
    this.#host = undefined;
    await host.kill("SIGKILL");
  }

  /** Reads the operation's summary from the app's status route on the running host. */
  readOperation<T>(operationId: string): Promise<T> {
    return getJson<T>(`${this.api}/operations/${operationId}`);
  }

  /** Everything the running host printed, for failure messages. */
  hostOutput(): string {
    return this.#host?.output() ?? "";
  }

  async close(): Promise<void> {
    if (this.#host !== undefined) {
      await this.#host.stop();
      this.#host = undefined;
    }
    await this.emulator.close();
  }

  #runningHost(): SpawnedHost {
    if (this.#host === undefined) {
      throw new Error("The host is not running.");
    }
    return this.#host;
  }
}
