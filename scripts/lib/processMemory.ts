import { readFileSync } from "node:fs";

/**
 * Reads a process's peak resident set size in bytes (`VmHWM` in `/proc/<pid>/status`). Returns undefined where
 * `/proc` does not exist (macOS, Windows) or the process has exited.
 */
export function readPeakRssBytes(pid: number): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
}
