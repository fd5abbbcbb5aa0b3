import { describe, expect, it } from "vitest";
import { NcrontabSchedule, resolveSchedule } from "../../local-host/timer/ncrontab";

describe("NcrontabSchedule", () => {
  it("reads the first field as seconds", () => {
    const schedule = new NcrontabSchedule("*/15 * * * * *", "UTC");
    expect(schedule.next(new Date("2026-01-01T00:00:01Z"))?.toISOString()).toBe("2026-01-01T00:00:15.000Z");
  });

  it("rejects five-field cron expressions", () => {
    expect(() => new NcrontabSchedule("*/5 * * * *")).toThrow(/six fields/);
  });

  it("requires both day fields when both are restricted", () => {
    // The 13th that is also a Friday: 2026-02-13.
    const schedule = new NcrontabSchedule("0 0 0 13 * 5", "UTC");
    expect(schedule.next(new Date("2026-01-01T00:00:00Z"))?.toISOString()).toBe("2026-02-13T00:00:00.000Z");
  });

  it("uses UTC when no time zone is set", () => {
    const schedule = new NcrontabSchedule("0 30 9 * * *", "");
    expect(schedule.next(new Date("2026-06-01T00:00:00Z"))?.toISOString()).toBe("2026-06-01T09:30:00.000Z");
  });

  it("tells minutely schedules from faster ones", () => {
    expect(new NcrontabSchedule("0 */5 * * * *", "UTC").isAtLeastMinutely(new Date())).toBe(true);
    expect(new NcrontabSchedule("*/10 * * * * *", "UTC").isAtLeastMinutely(new Date())).toBe(false);
  });
});

describe("resolveSchedule", () => {
  it("replaces a %SETTING% schedule", () => {
    expect(resolveSchedule("%HEALTH_SCHEDULE%", { HEALTH_SCHEDULE: "0 0 * * * *" })).toBe("0 0 * * * *");
  });

  it("keeps a literal schedule", () => {
    expect(resolveSchedule("0 0 * * * *", {})).toBe("0 0 * * * *");
  });

  it("names a missing setting", () => {
    expect(() => resolveSchedule("%HEALTH_SCHEDULE%", {})).toThrow(/HEALTH_SCHEDULE/);
  });
});
