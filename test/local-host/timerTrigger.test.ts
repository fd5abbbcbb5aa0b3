import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { durableApp, freshAttemptsDir } from "./fixturePaths";
import { spawnHost, waitFor } from "./spawnHost";

interface TimerInput {
  schedule: { adjustForDST: boolean };
  scheduleStatus: { last: string; next: string; lastUpdated: string } | null;
  isPastDue: boolean;
}

function readTicks(file: string): TimerInput[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TimerInput);
}

describe("timer triggers", () => {
  it("fires on the schedule from a setting, and once past due after downtime", async () => {
    const attemptsDir = freshAttemptsDir();
    const ticksFile = path.join(attemptsDir, "ticks");
    const dataDir = mkdtempSync(path.join(tmpdir(), "local-host-timer-"));
    const first = await spawnHost({ appRoot: durableApp, dataDir, env: { ATTEMPTS_DIR: attemptsDir } });
    const [tick] = await waitFor(() => (readTicks(ticksFile).length > 0 ? readTicks(ticksFile) : undefined), 5000);
    expect(tick?.isPastDue).toBe(false);
    expect(tick?.schedule).toEqual({ adjustForDST: true });
    const next = Date.parse(tick?.scheduleStatus?.next ?? "");
    expect(new Date(next).getUTCSeconds() % 2).toBe(0);
    expect(next).toBeGreaterThan(Date.parse(tick?.scheduleStatus?.lastUpdated ?? ""));
    expect(first.output()).toMatch(/\[Information\] \[Function\.Tick\] tick, past due: false/);
    const startupRuns = readTicks(path.join(attemptsDir, "startup"));
    expect(startupRuns).toHaveLength(1);
    expect(startupRuns[0]?.isPastDue).toBe(false);
    await first.kill("SIGKILL");

    const seen = readTicks(ticksFile).length;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const second = await spawnHost({ appRoot: durableApp, dataDir, env: { ATTEMPTS_DIR: attemptsDir } });
    try {
      const after = await waitFor(() => {
        const ticks = readTicks(ticksFile);
        return ticks.length > seen ? ticks.slice(seen) : undefined;
      }, 5000);
      expect(after[0]?.isPastDue).toBe(true);
      expect(after.filter((entry) => entry.isPastDue)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
