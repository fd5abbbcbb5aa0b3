/** Plain-text lines of the benchmark's output. */
import { cpus, totalmem } from "node:os";

import type { EmulatorDelays } from "./emulatorAdmin";
import type { ScenarioFigures, Spread } from "./benchFigures";

export interface ScenarioContext {
  title: string;
  concurrency: number;
  delays: EmulatorDelays;
  /** The host's peak resident set size since it started (not since the scenario did), in bytes. */
  hostPeakRssBytes?: number;
}

export function describeMachine(): string[] {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = (totalmem() / 2 ** 30).toFixed(1);
  return [
    `Machine: ${processors.length} cores (${model}), ${memoryGiB} GiB memory, ${process.platform} ${process.arch}`,
    `Node:    ${process.version}`,
  ];
}

export function formatScenario(context: ScenarioContext, figures: ScenarioFigures): string[] {
  const lines = [
    context.title,
    `  Emulator delays (ms)            ${formatDelays(context.delays)}`,
    `  Onboardings                     ${figures.completed} completed of ${figures.attempted}, ${context.concurrency} at a time`,
    `  Wall time                       ${seconds(figures.wallTimeMs)}`,
    `  Onboardings per minute          ${figures.onboardingsPerMinute.toFixed(1)}`,
    `  Duration per onboarding         ${formatSpread(figures.durationMs, seconds, ["p50", "p95", "max"])}`,
    `  Graph requests per onboarding   ${formatSpread(figures.graphRequestsPerOnboarding, String, ["p50", "min", "max"])}`,
    `  Graph requests in the log       ${figures.graphRequestsTotal}, of which ${figures.graphErrorResponses} error responses`,
    `  Host peak RSS since its start   ${formatBytes(context.hostPeakRssBytes)}`,
    "  Time per step (median across completed onboardings):",
  ];
  const width = Math.max(0, ...figures.steps.map((step) => step.name.length));
  for (const step of figures.steps) {
    const value = step.medianMs === undefined ? "n/a" : seconds(step.medianMs);
    lines.push(`    ${step.name.padEnd(width)}  ${value.padStart(8)}`);
  }
  for (const { label, failure } of figures.failures) {
    lines.push(`  FAILED ${label}: ${failure}`);
  }
  return lines;
}

function formatDelays(delays: EmulatorDelays): string {
  return Object.entries(delays)
    .map(([name, value]) => `${name} ${value}`)
    .join(", ");
}

function formatSpread(spread: Spread, format: (value: number) => string, keys: Array<keyof Spread>): string {
  return keys.map((key) => `${key} ${spread[key] === undefined ? "n/a" : format(spread[key])}`).join(", ");
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function formatBytes(bytes: number | undefined): string {
  return bytes === undefined
    ? "unknown: /proc/<pid>/status not readable"
    : `${(bytes / 2 ** 20).toFixed(0)} MiB (VmHWM)`;
}
