import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DurableApi } from "./durableApi";
import { durableApp, freshAttemptsDir } from "./fixturePaths";
import { type SpawnedHost, spawnHost } from "./spawnHost";

describe("durable concurrency", () => {
  let host: SpawnedHost;
  let api: DurableApi;
  let attemptsDir: string;

  beforeAll(async () => {
    attemptsDir = freshAttemptsDir();
    host = await spawnHost({ appRoot: durableApp, env: { ATTEMPTS_DIR: attemptsDir } });
    api = new DurableApi(host.loopbackUrl);
  });

  afterAll(async () => {
    await host?.stop();
  });

  it("caps running activities at maxConcurrentActivityFunctions", async () => {
    const count = 6;
    const status = await api.runAndWait("SlowFanOut", "slow-fan-1", { prefix: "slow", count, ms: 200 });
    expect(status.runtimeStatus).toBe("Completed");
    const read = (name: string) => Number(readFileSync(path.join(attemptsDir, name), "utf8").trim());
    const spans = Array.from({ length: count }, (_, index) => ({
      start: read(`slow-${index}.started`),
      end: read(`slow-${index}.done`),
    }));
    const maxOverlap = Math.max(
      ...spans.map((span) => spans.filter((other) => other.start <= span.start && other.end > span.start).length),
    );
    // The fixture's host.json sets maxConcurrentActivityFunctions to 3.
    expect(maxOverlap).toBe(3);
  });

  it("runs many orchestrations side by side", async () => {
    const ids = Array.from({ length: 12 }, (_, index) => `side-${index}`);
    await Promise.all(ids.map((id) => api.start("Chain", id, id)));
    const statuses = await Promise.all(ids.map((id) => api.waitForStatus(id, ["Completed", "Failed"])));
    statuses.forEach((status, index) => {
      expect(status.runtimeStatus).toBe("Completed");
      expect(status.output).toEqual(["Hello Tokyo!", `Hello ${ids[index]}!`]);
    });
  });
});
