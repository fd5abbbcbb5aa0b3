import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

/**
 * Starts `dist/scripts/watchdog.js`, which sends `signal` to process `pid` once this process exits, however it exits.
 * The returned watchdog ends by itself when `pid` ends.
 */
export function startWatchdog(appRoot: string, pid: number, signal: NodeJS.Signals): ChildProcess {
  const watchdog = spawn(process.execPath, [join(appRoot, "dist", "scripts", "watchdog.js"), String(pid), signal], {
    stdio: ["pipe", "ignore", "inherit"],
  });
  // Nothing is ever written, but a pipe error must not crash this process.
  watchdog.stdin?.on("error", () => {});
  return watchdog;
}
