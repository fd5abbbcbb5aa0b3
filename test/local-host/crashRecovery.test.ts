import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DurableApi } from "./durableApi";
import { durableApp, freshAttemptsDir } from "./fixturePaths";
import { spawnHost, waitFor } from "./spawnHost";

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean).length : 0;
}

describe("crash recovery", () => {
  it("re-runs an in-flight activity but not a completed one after kill -9", async () => {
    const attemptsDir = freshAttemptsDir();
    const dataDir = mkdtempSync(path.join(tmpdir(), "local-host-crash-"));
    const record = (name: string) => path.join(attemptsDir, name);
    const first = await spawnHost({ appRoot: durableApp, dataDir, env: { ATTEMPTS_DIR: attemptsDir } });
    await new DurableApi(first.loopbackUrl).start("Long", "long-1", { prefix: "long" });
    await waitFor(() => (lineCount(record("long-second.started")) === 1 ? true : undefined));
    await first.kill("SIGKILL");
    expect(lineCount(record("long-second.done"))).toBe(0);

    const second = await spawnHost({ appRoot: durableApp, dataDir, env: { ATTEMPTS_DIR: attemptsDir } });
    try {
      const status = await new DurableApi(second.loopbackUrl).waitForStatus("long-1", ["Completed", "Failed"]);
      expect(status.runtimeStatus).toBe("Completed");
      expect(status.output).toEqual(["long-first", "long-second", "long-third"]);
      expect(lineCount(record("long-first.started"))).toBe(1);
      expect(lineCount(record("long-second.started"))).toBe(2);
      expect(lineCount(record("long-third.started"))).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it("fires a timer that fell due while the host was down", async () => {
    const attemptsDir = freshAttemptsDir();
    const dataDir = mkdtempSync(path.join(tmpdir(), "local-host-crash-"));
    const first = await spawnHost({ appRoot: durableApp, dataDir, env: { ATTEMPTS_DIR: attemptsDir } });
    const api = new DurableApi(first.loopbackUrl);
    await api.start("Timer", "due-1", { ms: 800 });
    await api.waitForStatus("due-1", ["Running"]);
    await first.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 900));

    const second = await spawnHost({ appRoot: durableApp, dataDir, env: { ATTEMPTS_DIR: attemptsDir } });
    try {
      const status = await new DurableApi(second.loopbackUrl).waitForStatus("due-1", ["Completed"], 3000);
      expect(status.runtimeStatus).toBe("Completed");
    } finally {
      await second.stop();
    }
  });
});
