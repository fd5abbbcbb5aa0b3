import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The compiled CLI; tests need `npx tsc -p tsconfig.json` first (`npm test` builds). */
export const hostMainFile = path.resolve(__dirname, "../../dist/local-host/main.js");

export interface SpawnHostOptions {
  /** App root with package.json and host.json. */
  appRoot: string;
  /** Durable state folder; a fresh temporary folder by default. */
  dataDir?: string;
  /** Port on 127.0.0.1; 0 (any free port) by default. */
  port?: number;
  settingsFile?: string;
  /** Extra environment variables for the host process. */
  env?: Record<string, string>;
  /** How long to wait for the listening line; default 15 s. */
  readyTimeoutMs?: number;
}

export interface SpawnedHost {
  /** `http://localhost:<port>` as the host printed it. */
  url: string;
  /** The same server on 127.0.0.1, which avoids resolving localhost to ::1 first. */
  loopbackUrl: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the host printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` (default SIGKILL) and resolves when the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the host with SIGTERM and resolves with its exit code. */
  stop(): Promise<number | null>;
}

const listeningLine = /Functions host listening on (http:\/\/localhost:(\d+))/;

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/** Starts the local host CLI as a child process and waits until it listens. */
export async function spawnHost(options: SpawnHostOptions): Promise<SpawnedHost> {
  if (!existsSync(hostMainFile)) {
    throw new Error(`Missing ${hostMainFile}: build first with "npx tsc -p tsconfig.json".`);
  }
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "local-host-data-"));
  const args = [hostMainFile, "--app", options.appRoot, "--port", String(options.port ?? 0), "--data", dataDir];
  if (options.settingsFile) {
    args.push("--settings", options.settingsFile);
  }
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The host did not start within ${options.readyTimeoutMs ?? 15000} ms. Output:\n${output}`));
    }, options.readyTimeoutMs ?? 15000);
    const check = () => {
      const match = listeningLine.exec(output);
      if (match?.[1]) {
        clearTimeout(timeout);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`The host exited with code ${code} before listening. Output:\n${output}`));
    });
  });
  return {
    url,
    loopbackUrl: url.replace("localhost", "127.0.0.1"),
    dataDir,
    child,
    output: () => output,
    kill: async (signal = "SIGKILL") => {
      child.kill(signal);
      await exited(child);
    },
    stop: async () => {
      child.kill("SIGTERM");
      return exited(child);
    },
  };
}

/** Polls `probe` every `intervalMs` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Condition not met within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
