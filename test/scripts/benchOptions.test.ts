import { describe, expect, it } from "vitest";

import { InvalidBenchOptionError, MAX_CONCURRENCY, MAX_PAIRS, parseBenchOptions } from "../../scripts/lib/benchOptions";

describe("parseBenchOptions", () => {
  it("defaults to 20 pairs, 10 at a time", () => {
    expect(parseBenchOptions([])).toEqual({ pairs: 20, concurrency: 10 });
  });

  it("reads --pairs and --concurrency", () => {
    expect(parseBenchOptions(["--pairs", "40", "--concurrency=4"])).toEqual({ pairs: 40, concurrency: 4 });
  });

  it("caps concurrency at the pair count", () => {
    expect(parseBenchOptions(["--pairs", "3"])).toEqual({ pairs: 3, concurrency: 3 });
  });

  it("returns undefined for help", () => {
    expect(parseBenchOptions(["--help"])).toBeUndefined();
    expect(parseBenchOptions(["-h"])).toBeUndefined();
  });

  it.each([
    ["--pairs", "0"],
    ["--pairs", String(MAX_PAIRS + 1)],
    ["--pairs", "2.5"],
    ["--pairs", "-3"],
    ["--pairs", "ten"],
    ["--concurrency", "0"],
    ["--concurrency", String(MAX_CONCURRENCY + 1)],
  ])("rejects %s %s", (option, value) => {
    expect(() => parseBenchOptions([`${option}=${value}`])).toThrow(InvalidBenchOptionError);
  });

  it("names the option and the range in the error", () => {
    expect(() => parseBenchOptions(["--pairs", "0"])).toThrow(
      `Invalid --pairs '0': expected a whole number from 1 to ${MAX_PAIRS}.`,
    );
  });

  it("rejects an unknown option", () => {
    expect(() => parseBenchOptions(["--pair", "3"])).toThrow(InvalidBenchOptionError);
  });
});
