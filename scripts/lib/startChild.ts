import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** A development server started as a child process, with the URL it printed when it became ready. */
export interface RunningChild {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartChildOptions {
  /** Short name used as the prefix of forwarded output lines. */
  name: string;
  args: string[];
  /** Matches the line that says the server is ready; its first capture group must be the URL. */
  readyLine: RegExp;
  env?: NodeJS.ProcessEnv;
  /** Forward the child's output to this process's stdout, prefixed with the name. */
  echo?: boolean | ((line: string) => boolean);
  readyTimeoutMs?: number;
  /** Signal sent to stop the child: SIGTERM unless the child shuts down cleanly only on another one. */
  stopSignal?: NodeJS.Signals;
  /**
   * Give the child a stdin pipe that stays open and empty until this process exits, for children that stop when
   * their stdin closes (`--exit-on-stdin-close`). Default: no stdin.
   */
  stdinPipe?: boolean;
}

/**
 * Starts `node <args>` and resolves once a line of its output matches `readyLine`. Rejects with the child's last
 * output lines when it exits or stays silent past the timeout, so the caller can show why it did not start.
 */
export function startChild(options: StartChildOptions): Promise<RunningChild> {
  const child = spawn(process.execPath, options.args, {
    env: options.env ?? process.env,
    stdio: [options.stdinPipe === true ? "pipe" : "ignore", "pipe", "pipe"],
  });
  const recentLines: string[] = [];
  const echo = options.echo ?? false;

  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(failure(`did not become ready within ${options.readyTimeoutMs ?? 30_000} ms`));
    }, options.readyTimeoutMs ?? 30_000);

    const onLine = (line: string): void => {
      recentLines.push(line);
      if (recentLines.length > 20) recentLines.shift();
      const show = typeof echo === "function" ? echo(line) : echo;
      if (show) process.stdout.write(`[${options.name}] ${line}\n`);
      const match = ready ? null : options.readyLine.exec(line);
      if (match?.[1]) {
        ready = true;
        clearTimeout(timer);
        resolve({ name: options.name, url: match[1], child, stop: () => stopChild(child, options.stopSignal) });
      }
    };
    createInterface({ input: child.stdout! }).on("line", onLine);
    createInterface({ input: child.stderr! }).on("line", onLine);

    child.once("exit", (code, signal) => {
      if (ready) return;
      clearTimeout(timer);
      reject(failure(`exited with ${signal ?? `code ${code}`} before it was ready`));
    });

    function failure(reason: string): Error {
      const tail = recentLines.length > 0 ? `\n${recentLines.join("\n")}` : "";
      return new Error(`${options.name} ${reason}.${tail}`);
    }
  });
}

/** Sends `signal` (SIGTERM by default) and waits for the exit, escalating to SIGKILL after five seconds. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const escalation = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(escalation);
      resolve();
    });
    child.kill(signal);
  });
}
