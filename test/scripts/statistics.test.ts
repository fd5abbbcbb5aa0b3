import { describe, expect, it } from "vitest";

import { median, percentile } from "../../scripts/lib/statistics";

describe("percentile", () => {
  it("returns observed values by nearest rank", () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 95)).toBe(50);
    expect(percentile(values, 100)).toBe(50);
  });

  it("sorts without changing its input", () => {
    const values = [3, 1, 2];
    expect(percentile(values, 100)).toBe(3);
    expect(values).toEqual([3, 1, 2]);
  });

  it("compares numbers, not strings", () => {
    expect(percentile([9, 10, 100], 50)).toBe(10);
  });

  it("returns undefined for no values", () => {
    expect(percentile([], 50)).toBeUndefined();
  });

  it("rejects a percentile outside (0, 100]", () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("median", () => {
  it("takes the lower middle of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it("takes the middle of an odd count", () => {
    expect(median([5, 1, 3])).toBe(3);
  });
});
