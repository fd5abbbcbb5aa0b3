import { existsSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { readPeakRssBytes } from "../../scripts/lib/processMemory";

describe("readPeakRssBytes", () => {
  it.runIf(existsSync("/proc/self/status"))("reads at least the current RSS of this process", () => {
    const peak = readPeakRssBytes(process.pid);
    expect(peak).toBeDefined();
    expect(peak).toBeGreaterThanOrEqual(process.memoryUsage.rss() * 0.9);
  });

  it("returns undefined for a process that does not exist", () => {
    // Linux caps pid_max at 4194304 (2^22) on 64-bit systems, so no process has this pid.
    expect(readPeakRssBytes(2 ** 23)).toBeUndefined();
  });
});
