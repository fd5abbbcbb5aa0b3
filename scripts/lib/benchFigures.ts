/** Turns the outcomes of one benchmark scenario and the emulator's request log into the figures it prints. */
import type { GraphRequestLogEntry } from "./emulatorAdmin";
import { median, percentile } from "./statistics";
import type { OnboardingOutcome } from "./timedOnboarding";

export interface Spread {
  p50?: number;
  p95?: number;
  min?: number;
  max?: number;
}

export interface StepTime {
  name: string;
  /** Median of `endedAt - startedAt` over the completed onboardings that recorded both times, in ms. */
  medianMs?: number;
  samples: number;
}

export interface ScenarioFigures {
  attempted: number;
  completed: number;
  failures: Array<{ label: string; failure: string }>;
  /** From the first POST to the last final status read, on the benchmark's clock. */
  wallTimeMs: number;
  onboardingsPerMinute: number;
  /** From the POST to reading the final status, for completed onboardings, in ms. */
  durationMs: Spread;
  steps: StepTime[];
  /** Graph requests whose token belonged to a completed pair's source or target tenant. */
  graphRequestsPerOnboarding: Spread;
  /** Every entry of the request log, including requests with no valid token. */
  graphRequestsTotal: number;
  /** Log entries with a status of 400 or more, e.g. the 404s of objects that are still replicating. */
  graphErrorResponses: number;
}

export function computeFigures(
  outcomes: readonly OnboardingOutcome[],
  wallTimeMs: number,
  requestLog: readonly GraphRequestLogEntry[],
): ScenarioFigures {
  const completed = outcomes.filter((outcome) => outcome.failure === undefined && outcome.summary !== undefined);
  // NOTE: the local host gives createdTime and lastUpdatedTime in whole seconds, which is too coarse for durations.
  const durations = completed.flatMap(({ elapsedMs }) => (elapsedMs === undefined ? [] : [elapsedMs]));
  const requestCounts = completed.map(({ pair }) =>
    countRequestsOf(requestLog, [pair.source.tenantId, pair.target.tenantId]),
  );
  return {
    attempted: outcomes.length,
    completed: completed.length,
    failures: outcomes.flatMap(({ pair, failure }) => (failure === undefined ? [] : [{ label: pair.label, failure }])),
    wallTimeMs,
    onboardingsPerMinute: wallTimeMs > 0 ? completed.length / (wallTimeMs / 60_000) : 0,
    durationMs: spreadOf(durations),
    steps: stepTimes(completed),
    graphRequestsPerOnboarding: spreadOf(requestCounts),
    graphRequestsTotal: requestLog.length,
    graphErrorResponses: requestLog.filter((entry) => entry.status >= 400).length,
  };
}

function stepTimes(completed: readonly OnboardingOutcome[]): StepTime[] {
  const samplesByStep = new Map<string, number[]>();
  for (const { summary } of completed) {
    for (const step of summary?.steps ?? []) {
      const samples = samplesByStep.get(step.name) ?? [];
      samplesByStep.set(step.name, samples);
      const elapsed = elapsedMs(step.startedAt, step.endedAt);
      if (elapsed !== undefined) {
        samples.push(elapsed);
      }
    }
  }
  return [...samplesByStep].map(([name, samples]) => ({ name, medianMs: median(samples), samples: samples.length }));
}

function countRequestsOf(requestLog: readonly GraphRequestLogEntry[], tenantIds: string[]): number {
  return requestLog.filter((entry) => entry.tenantId !== null && tenantIds.includes(entry.tenantId)).length;
}

function spreadOf(values: readonly number[]): Spread {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    min: values.length === 0 ? undefined : Math.min(...values),
    max: values.length === 0 ? undefined : Math.max(...values),
  };
}

function elapsedMs(start: string | undefined, end: string | undefined): number | undefined {
  if (start === undefined || end === undefined) {
    return undefined;
  }
  const elapsed = Date.parse(end) - Date.parse(start);
  return Number.isFinite(elapsed) ? elapsed : undefined;
}
