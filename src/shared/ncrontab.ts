/**
 * Six-field NCRONTAB schedules (second minute hour day month day-of-week), the format of Azure Functions timer
 * triggers. Each field takes `*`, numbers, ranges (`1-5`), lists (`1,15`) and steps (`*\/10`, `0-30/5`); months and
 * days of the week also take three-letter English names. Day of week 0 is Sunday.
 * NOTE: times are UTC. A host that sets WEBSITE_TIME_ZONE fires in that zone, which this module does not model.
 */

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly FieldSpec[] = [
  { name: "second", min: 0, max: 59 },
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  { name: "day-of-week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

/** How far back `previousOccurrence` searches: long enough for any schedule that fires at least once a year. */
const MAX_DAYS_BACK = 366 * 8;

export class InvalidScheduleError extends Error {
  override name = "InvalidScheduleError";
}

/** A parsed schedule: the allowed values of each field, ascending. */
export interface NcrontabSchedule {
  expression: string;
  seconds: readonly number[];
  minutes: readonly number[];
  hours: readonly number[];
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
}

function parseValue(text: string, spec: FieldSpec): number {
  const nameIndex = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  let value = NaN;
  if (nameIndex >= 0) {
    // Month names start at 1 (JAN), day names at 0 (SUN).
    value = spec.name === "month" ? nameIndex + 1 : nameIndex;
  } else if (/^\d+$/.test(text)) {
    value = Number(text);
  }
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new InvalidScheduleError(`${spec.name} value '${text}' is not between ${spec.min} and ${spec.max}`);
  }
  return value;
}

function parseField(text: string, spec: FieldSpec): number[] {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || (stepText !== undefined && !/^\d+$/.test(stepText))) {
      throw new InvalidScheduleError(`${spec.name} step '${stepText}' must be a whole number of at least 1`);
    }
    let first: number;
    let last: number;
    if (range === "*") {
      [first, last] = [spec.min, spec.max];
    } else if (range.includes("-")) {
      const [from = "", to = ""] = range.split("-");
      [first, last] = [parseValue(from, spec), parseValue(to, spec)];
      if (first > last) {
        throw new InvalidScheduleError(`${spec.name} range '${range}' runs backwards`);
      }
    } else {
      first = parseValue(range, spec);
      last = stepText === undefined ? first : spec.max;
    }
    for (let value = first; value <= last; value += step) {
      values.add(value);
    }
  }
  return [...values].sort((a, b) => a - b);
}

/** Parses a six-field NCRONTAB expression. Throws InvalidScheduleError naming the bad field. */
export function parseNcrontab(expression: string): NcrontabSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new InvalidScheduleError(
      `'${expression}' has ${fields.length} fields; NCRONTAB needs six (second minute hour day month day-of-week)`,
    );
  }
  const [seconds, minutes, hours, days, months, daysOfWeek] = FIELDS.map((spec, index) =>
    parseField(fields[index] ?? "", spec),
  ) as [number[], number[], number[], number[], number[], number[]];
  return {
    expression,
    seconds,
    minutes,
    hours,
    days: new Set(days),
    months: new Set(months),
    daysOfWeek: new Set(daysOfWeek),
  };
}

/** Returns the largest value of `sorted` that is at most `limit`, or undefined. */
function largestAtMost(sorted: readonly number[], limit: number): number | undefined {
  for (let index = sorted.length - 1; index >= 0; index -= 1) {
    const value = sorted[index] as number;
    if (value <= limit) {
      return value;
    }
  }
  return undefined;
}

/** Finds the latest time of day in the schedule that is at most `limit` seconds after midnight. */
function latestTimeOfDay(schedule: NcrontabSchedule, limit: number): number | undefined {
  const limitHour = Math.floor(limit / 3600);
  for (let hourIndex = schedule.hours.length - 1; hourIndex >= 0; hourIndex -= 1) {
    const hour = schedule.hours[hourIndex] as number;
    if (hour > limitHour) {
      continue;
    }
    const minuteLimit = hour === limitHour ? Math.floor((limit % 3600) / 60) : 59;
    for (let minuteIndex = schedule.minutes.length - 1; minuteIndex >= 0; minuteIndex -= 1) {
      const minute = schedule.minutes[minuteIndex] as number;
      if (minute > minuteLimit) {
        continue;
      }
      const secondLimit = hour === limitHour && minute === minuteLimit ? limit % 60 : 59;
      const second = largestAtMost(schedule.seconds, secondLimit);
      if (second !== undefined) {
        return hour * 3600 + minute * 60 + second;
      }
    }
  }
  return undefined;
}

/**
 * Returns the latest occurrence of the schedule at or before `at`, in UTC, or undefined when there is none in the
 * past eight years. Both day fields must match when both are restricted, as in NCRONTAB.
 */
export function previousOccurrence(schedule: NcrontabSchedule, at: Date): Date | undefined {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const secondsToday = Math.floor((at.getTime() - midnight) / 1000);
  for (let daysBack = 0; daysBack <= MAX_DAYS_BACK; daysBack += 1) {
    const day = new Date(midnight - daysBack * 86_400_000);
    const matchesDay =
      schedule.days.has(day.getUTCDate()) &&
      schedule.months.has(day.getUTCMonth() + 1) &&
      schedule.daysOfWeek.has(day.getUTCDay());
    if (!matchesDay) {
      continue;
    }
    const time = latestTimeOfDay(schedule, daysBack === 0 ? secondsToday : 86_399);
    if (time !== undefined) {
      return new Date(day.getTime() + time * 1000);
    }
  }
  return undefined;
}
