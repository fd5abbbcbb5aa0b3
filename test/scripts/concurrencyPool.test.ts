import { describe, expect, it } from "vitest";

import { mapWithConcurrency } from "../../scripts/lib/concurrencyPool";

describe("mapWithConcurrency", () => {
  it("keeps item order and never exceeds the limit", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const results = await mapWithConcurrency([30, 5, 20, 1, 10], 2, async (ms, index) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(["0:30", "1:5", "2:20", "3:1", "4:10"]);
    expect(maxInFlight).toBe(2);
  });

  it("skips items once shouldStart returns false", async () => {
    let started = 0;
    const results = await mapWithConcurrency(
      [1, 2, 3, 4],
      1,
      async (value) => {
        started++;
        return value * 10;
      },
      () => started < 2,
    );
    expect(results).toEqual([10, 20, undefined, undefined]);
  });

  it("returns an empty list for no items", async () => {
    expect(await mapWithConcurrency([], 3, async () => 1)).toEqual([]);
  });
});
