/** Azurite, the Graph emulator and the local Functions host started together as child processes. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

import { startAzurite, type RunningAzurite } from "./azurite";
import { sampleSettingsFile, writeSettingsCopy } from "./localSettings";
import { startChild, type RunningChild } from "./startChild";

export interface LocalStackOptions {
  /** Settings written over the sample settings, after the emulator URL and Azurite's connection string. */
  settings?: Record<string, string>;
  /** Name prefix of the host's new temporary data folder. */
  dataFolderPrefix: string;
  /** Selects the host output lines to print. */
  echoHostLine: (line: string) => boolean;
}

export interface LocalStack {
  azurite: RunningAzurite;
  emulator: RunningChild;
  host: RunningChild;
  /** Stops the three processes and deletes the temporary settings and data folders. */
  stop(): Promise<void>;
}

/**
 * Starts Azurite (in-memory tables), the emulator and the host on free ports of 127.0.0.1, the host with a copy of
 * the sample settings pointed at the other two and a new empty data folder. Stops whatever already started when a
 * later start fails.
 */
export async function startLocalStack(appRoot: string, options: LocalStackOptions): Promise<LocalStack> {
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
      ...options.settings,
    });
    folders.push(dirname(settingsFile));
    const dataFolder = mkdtempSync(join(tmpdir(), options.dataFolderPrefix));
    folders.push(dataFolder);
    const host = await startChild({
      name: "host",
      args: [
        join(appRoot, "dist", "local-host", "main.js"),
        ...["--app", appRoot, "--port", "0", "--settings", settingsFile, "--data", dataFolder],
      ],
      readyLine: /listening on (http:\/\/\S+)/,
      echo: options.echoHostLine,
      readyTimeoutMs: 60_000,
    });
    children.push(host);
    return { azurite, emulator, host, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
