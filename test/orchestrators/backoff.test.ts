import { describe, expect, it } from "vitest";

import {
  POLL_BACKOFF,
  TRANSIENT_RETRY_BACKOFF,
  backoffDelaySeconds,
  nextPollDelaySeconds,
} from "../../src/orchestrators/onboarding/backoff";

describe("backoffDelaySeconds", () => {
  it("doubles from the first delay up to the cap", () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffDelaySeconds(attempt, POLL_BACKOFF));
    expect(delays).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("caps transient retries at 30 seconds", () => {
    expect(backoffDelaySeconds(5, TRANSIENT_RETRY_BACKOFF)).toBe(30);
  });

  it("stays finite for very many attempts", () => {
    expect(backoffDelaySeconds(10_000, POLL_BACKOFF)).toBe(60);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects attempt %s", (attempt) => {
    expect(() => backoffDelaySeconds(attempt, POLL_BACKOFF)).toThrow(RangeError);
  });

  it("rejects a maximum below the first delay", () => {
    expect(() => backoffDelaySeconds(1, { firstDelaySeconds: 10, maxDelaySeconds: 5 })).toThrow(RangeError);
  });
});

describe("nextPollDelaySeconds", () => {
  it("returns the backoff delay while time remains", () => {
    expect(nextPollDelaySeconds(3, 10, 600)).toBe(8);
  });

  it("shortens the last delay to end at the deadline", () => {
    expect(nextPollDelaySeconds(6, 590, 600)).toBe(10);
  });

  it("returns undefined once the time is up", () => {
    expect(nextPollDelaySeconds(1, 600, 600)).toBeUndefined();
    expect(nextPollDelaySeconds(1, 700, 600)).toBeUndefined();
  });

  it("returns undefined for a zero timeout", () => {
    expect(nextPollDelaySeconds(1, 0, 0)).toBeUndefined();
  });
});
