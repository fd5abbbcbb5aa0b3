/** Azurite, the Graph emulator and the local Functions host started as child processes for the benchmark. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { startAzurite } from "./azurite";
import { sampleSettingsFile, writeSettingsCopy } from "./localSettings";
import { startChild, type RunningChild } from "./startChild";

/**
 * Health checks once a year (1 January, 00:00 UTC), so that no scheduled check adds Graph requests to the run. The
 * registry lives in Azurite's memory and is gone long before then.
 */
export const BENCH_HEALTH_CHECK_SCHEDULE = "0 0 0 1 1 *";

export interface BenchStack {
  emulatorUrl: string;
  /** The host's base URL on 127.0.0.1, e.g. `http://127.0.0.1:41234`. */
  hostUrl: string;
  hostPid: number;
  azuritePort: number;
  /** Stops the three processes and deletes the temporary settings and data folders. */
  stop(): Promise<void>;
}

/**
 * Starts Azurite (in-memory tables), the emulator and the host on free ports of 127.0.0.1, the host with a new empty
 * data folder. Stops whatever already started when a later start fails.
 */
export async function startBenchStack(appRoot: string): Promise<BenchStack> {
  const children: RunningChild[] = [];
  const folders: string[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((child) => child.stop()));
    for (const folder of folders) {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  try {
    const azurite = await startAzurite({ appRoot, port: 0 });
    children.push(azurite.child);
    const emulator = await startChild({
      name: "emulator",
      args: [join(appRoot, "dist", "emulator", "main.js"), "--port", "0"],
      readyLine: /listening on (http:\/\/\S+)/,
    });
    children.push(emulator);
    const settingsFile = writeSettingsCopy(join(appRoot, sampleSettingsFile), {
      GRAPH_BASE_URL: emulator.url,
      AzureWebJobsStorage: azurite.connectionString,
      HEALTH_CHECK_SCHEDULE: BENCH_HEALTH_CHECK_SCHEDULE,
    });
    folders.push(dirname(settingsFile));
    const dataFolder = mkdtempSync(join(tmpdir(), "tenant-pair-bench-"));
    folders.push(dataFolder);
    const host = await startChild({
      name: "host",
      args: [
        join(appRoot, "dist", "local-host", "main.js"),
        ...["--app", appRoot, "--port", "0", "--settings", settingsFile, "--data", dataFolder],
      ],
      readyLine: /listening on (http:\/\/\S+)/,
      // Errors only: with many onboardings at once, the host's information lines would bury the figures.
      echo: (line) => /\] \[(Error|Critical)\] \[|Failed to load/.test(line),
      readyTimeoutMs: 60_000,
    });
    children.push(host);
    if (host.child.pid === undefined) {
      throw new Error("The Functions host started without a process id.");
    }
    return {
      emulatorUrl: emulator.url,
      hostUrl: host.url.replace("//localhost:", "//127.0.0.1:"),
      hostPid: host.child.pid,
      azuritePort: azurite.port,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
