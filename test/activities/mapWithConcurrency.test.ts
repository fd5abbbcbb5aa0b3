import { setTimeout } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { mapWithConcurrency } from "../../src/activities/support/mapWithConcurrency";

describe("mapWithConcurrency", () => {
  it("keeps item order and the limit", async () => {
    let running = 0;
    let maxRunning = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6, 2], 3, async (delay) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await setTimeout(delay);
      running -= 1;
      return delay * 10;
    });

    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60, 20]);
    expect(maxRunning).toBe(3);
  });

  it("starts no call after a failure and throws the first", async () => {
    const started: number[] = [];
    const failure = mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      await setTimeout(item);
      if (item === 1) {
        throw new Error("first");
      }
      if (item === 2) {
        throw new Error("second");
      }
      return item;
    });

    await expect(failure).rejects.toThrow("first");
    expect(started).toEqual([1, 2]);
  });

  it("rejects a limit below one", async () => {
    await expect(mapWithConcurrency([1], 0, async (item) => item)).rejects.toThrow(RangeError);
  });
});
