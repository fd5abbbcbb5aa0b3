import { describe, expect, it } from "vitest";

import { InvalidScheduleError, parseNcrontab, previousOccurrence } from "../../src/shared/ncrontab";

function previous(expression: string, at: string): string | undefined {
  return previousOccurrence(parseNcrontab(expression), new Date(at))?.toISOString();
}

describe("previousOccurrence", () => {
  it.each([
    ["0 */30 * * * *", "2026-12-04T16:30:00.000Z", "2026-12-04T16:30:00.000Z"],
    ["0 */30 * * * *", "2026-12-04T16:30:00.750Z", "2026-12-04T16:30:00.000Z"],
    ["0 */30 * * * *", "2026-12-04T16:59:59.000Z", "2026-12-04T16:30:00.000Z"],
    ["0 */30 * * * *", "2026-12-04T00:10:00.000Z", "2026-12-04T00:00:00.000Z"],
    ["*/10 * * * * *", "2026-12-04T16:30:27.000Z", "2026-12-04T16:30:20.000Z"],
    ["0 0 9 * * MON-FRI", "2026-12-06T12:00:00.000Z", "2026-12-04T09:00:00.000Z"],
    ["0 15 2 1 JAN *", "2026-12-04T00:00:00.000Z", "2026-01-01T02:15:00.000Z"],
    ["0 0,45 1-2 * * *", "2026-12-04T02:30:00.000Z", "2026-12-04T02:00:00.000Z"],
    ["0 0 0 13 * 5", "2026-12-04T00:00:00.000Z", "2026-11-13T00:00:00.000Z"],
  ])("finds the occurrence of %s at or before %s", (expression, at, expected) => {
    expect(previous(expression, at)).toBe(expected);
  });

  it("returns undefined for a date that never comes", () => {
    expect(previous("0 0 0 31 FEB *", "2026-12-04T00:00:00Z")).toBeUndefined();
  });
});

describe("parseNcrontab", () => {
  it.each([
    ["0 */30 * * *", /six/],
    ["60 * * * * *", /second: 60/],
    ["0 5-1 * * * *", /'5-1'/],
    ["0 0 0 * FOO *", /FOO/],
  ])("rejects '%s'", (expression, message) => {
    expect(() => parseNcrontab(expression)).toThrow(InvalidScheduleError);
    expect(() => parseNcrontab(expression)).toThrow(message);
  });
});
