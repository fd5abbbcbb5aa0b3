import { Cron } from "croner";

/**
 * Six-field NCRONTAB schedules (second minute hour day month day-of-week), the format of Azure Functions timer
 * triggers, parsed by croner. Both day fields must match when both are restricted, as in NCRONTAB (croner's
 * `legacyMode: false`).
 * NOTE: times are UTC. A host that sets WEBSITE_TIME_ZONE fires in that zone, which this module does not model.
 */

export class InvalidScheduleError extends Error {
  override name = "InvalidScheduleError";
}

export interface NcrontabSchedule {
  expression: string;
  cron: Cron;
}

/** How far back `previousOccurrence` searches: long enough for any schedule that fires at least once a year. */
const MAX_LOOKBACK_MS = 8 * 366 * 86_400_000;

/** Parses a six-field NCRONTAB expression. Throws InvalidScheduleError naming the problem. */
export function parseNcrontab(expression: string): NcrontabSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new InvalidScheduleError(
      `'${expression}' has ${fields.length} fields; NCRONTAB needs six (second minute hour day month day-of-week)`,
    );
  }
  try {
    const cron = new Cron(fields.join(" "), { paused: true, legacyMode: false, timezone: "UTC" });
    return { expression, cron };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^CronPattern: /, "") : String(error);
    throw new InvalidScheduleError(`'${expression}' is not a valid NCRONTAB schedule: ${reason}`, { cause: error });
  }
}

/**
 * Returns the latest occurrence of the schedule at or before `at`, or undefined when there is none in the past eight
 * years. croner only looks forward, so the search widens a window backwards from `at` until it holds an occurrence,
 * then walks forward through that window to the last one.
 */
export function previousOccurrence(schedule: NcrontabSchedule, at: Date): Date | undefined {
  for (let windowMs = 1000; windowMs <= MAX_LOOKBACK_MS * 2; windowMs *= 2) {
    let occurrence = schedule.cron.nextRun(new Date(at.getTime() - windowMs - 1));
    if (occurrence === null || occurrence.getTime() > at.getTime()) {
      continue;
    }
    for (;;) {
      const following = schedule.cron.nextRun(occurrence);
      if (following === null || following.getTime() > at.getTime()) {
        return occurrence;
      }
      occurrence = following;
    }
  }
  return undefined;
}
