import { Cron } from "croner";

/**
 * A timer trigger schedule: an NCRONTAB expression with six fields (second minute hour day month day-of-week).
 * Times are UTC unless WEBSITE_TIME_ZONE names an IANA zone, as on Linux plans.
 * NOTE: NCRONTAB requires both day fields to match when both are restricted; croner does that with
 * `legacyMode: false`. The TimeSpan form ("00:05:00") of App Service plans is not supported.
 */
export class NcrontabSchedule {
  readonly #cron: Cron;

  constructor(
    readonly expression: string,
    timeZone = process.env.WEBSITE_TIME_ZONE,
  ) {
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 6) {
      throw new Error(
        `Invalid schedule '${expression}': NCRONTAB needs six fields (second minute hour day month day-of-week).`,
      );
    }
    this.#cron = new Cron(fields.join(" "), { paused: true, legacyMode: false, timezone: timeZone || "UTC" });
  }

  /** Returns the first occurrence strictly after `after`, or undefined when the schedule never fires again. */
  next(after: Date): Date | undefined {
    return this.#cron.nextRun(after) ?? undefined;
  }

  /** Checks whether runs are at least a minute apart, which is when Azure's `useMonitor` defaults to true. */
  isAtLeastMinutely(from: Date): boolean {
    const [first, second] = this.#cron.nextRuns(2, from);
    return first !== undefined && second !== undefined && second.getTime() - first.getTime() >= 60_000;
  }
}

/** Replaces a whole-value `%SETTING%` schedule with that app setting, as the Functions host does. */
export function resolveSchedule(schedule: string, env: NodeJS.ProcessEnv = process.env): string {
  const match = /^%([^%]+)%$/.exec(schedule.trim());
  if (!match) {
    return schedule;
  }
  const name = match[1] ?? "";
  const value = env[name];
  if (value === undefined || value.trim() === "") {
    throw new Error(`The timer schedule refers to the app setting '${name}', which is missing or empty.`);
  }
  return value;
}
