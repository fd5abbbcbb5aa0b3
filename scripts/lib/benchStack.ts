/** Azurite, the Graph emulator and the local Functions host started as child processes for the benchmark. */
import { startLocalStack } from "./localStack";

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
  const stack = await startLocalStack(appRoot, {
    settings: { HEALTH_CHECK_SCHEDULE: BENCH_HEALTH_CHECK_SCHEDULE },
    dataFolderPrefix: "tenant-pair-bench-",
    // Errors only: with many onboardings at once, the host's information lines would bury the figures.
    echoHostLine: (line) => /\] \[(Error|Critical)\] \[|Failed to load/.test(line),
  });
  const hostPid = stack.host.child.pid;
  if (hostPid === undefined) {
    await stack.stop();
    throw new Error("The Functions host started without a process id.");
  }
  return {
    emulatorUrl: stack.emulator.url,
    hostUrl: stack.host.url.replace("//localhost:", "//127.0.0.1:"),
    hostPid,
    azuritePort: stack.azurite.port,
    stop: stack.stop,
  };
}
