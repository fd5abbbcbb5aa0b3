import { readFileSync } from "node:fs";

/** How often the watch checks whether the parent processes are still there. */
const POLL_INTERVAL_MS = 1000;

/** Reads a process's parent id from `/proc/<pid>/stat` (Linux only); undefined when it cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in brackets may contain spaces, so the fields are counted after its closing bracket.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const parent = Number(fields[1]);
    return Number.isInteger(parent) ? parent : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `onParentGone` once when this process's parent exits, which re-parents this process. Under `npm start`, npm
 * runs this script through `sh -c`, and the shell outlives a killed npm, so the shell's own parent is watched too.
 * That second check reads `/proc` and works on Linux only. The timer is unref'd and never keeps the process alive.
 */
export function watchParents(onParentGone: (description: string) => void): void {
  const parent = process.ppid;
  const underNpm = process.env["npm_lifecycle_event"] !== undefined;
  const grandparent = underNpm ? parentOf(parent) : undefined;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onParentGone(`its parent process ${parent} exited`);
    } else if (grandparent !== undefined && parentOf(parent) !== grandparent) {
      clearInterval(timer);
      onParentGone(`npm (process ${grandparent}) exited`);
    }
  }, POLL_INTERVAL_MS);
  timer.unref();
}
