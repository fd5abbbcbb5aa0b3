/**
 * `npm run bench`: starts Azurite, the Graph emulator and the local Functions host on free 127.0.0.1 ports and
 * onboards new tenant pairs through the HTTP API. It prints throughput, durations, step times, Graph requests per
 * onboarding and the host's peak memory, with the machine and the emulator delays used. A second scenario onboards
 * one pair with the emulator's default delays to show end-to-end latency. Exits 1 when any onboarding fails or times
 * out.
 *
 * The figures describe the local stack only: the emulator answers in microseconds and the local host is one process,
 * so they say nothing about the throughput of the app on Azure.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { computeFigures, type ScenarioFigures } from "./lib/benchFigures";
import { BENCH_USAGE, InvalidBenchOptionError, parseBenchOptions } from "./lib/benchOptions";
import { describeMachine, formatScenario } from "./lib/benchReport";
import { BENCH_HEALTH_CHECK_SCHEDULE, startBenchStack, type BenchStack } from "./lib/benchStack";
import { mapWithConcurrency } from "./lib/concurrencyPool";
import {
  changeEmulatorDelays,
  clearRequestLog,
  readEmulatorDelays,
  readRequestLog,
  type EmulatorDelays,
} from "./lib/emulatorAdmin";
import { readPeakRssBytes } from "./lib/processMemory";
import { createBenchPair, onboardPair, type BenchPair, type OnboardingOutcome } from "./lib/timedOnboarding";

const appRoot = resolve(__dirname, "..", "..");

/**
 * Emulator delays of the throughput scenario. They are short, so the figures show the service and the local host
 * rather than simulated waits, yet each wait step still waits for something.
 */
const THROUGHPUT_DELAYS: EmulatorDelays = {
  replicationDelayMs: 300,
  policyPropagationDelayMs: 300,
  syncCycleIntervalMs: 500,
  latencyMs: 0,
};
/** Upper bound of one onboarding, from its POST to its final status. */
const ONBOARDING_TIMEOUT_MS = 3 * 60_000;
/** No onboarding starts, and none is polled, later than this after a scenario's first POST. */
const SCENARIO_TIMEOUT_MS = 10 * 60_000;

interface Scenario {
  title: string;
  pairs: number;
  concurrency: number;
  delays: EmulatorDelays;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof InvalidBenchOptionError) {
      console.error(`${error.message}\n\n${BENCH_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options === undefined) {
    console.log(BENCH_USAGE);
    return 0;
  }

  for (const line of [...describeMachine(), describeDurableLimits()]) {
    console.log(line);
  }
  console.log(`Health-check schedule: ${BENCH_HEALTH_CHECK_SCHEDULE} (no check runs during the benchmark)`);
  console.log("\nStarting Azurite, the Graph emulator and the local Functions host...");
  const stack = await startBenchStack(appRoot);
  try {
    console.log(
      `  Azurite tables on port ${stack.azuritePort}, Graph emulator ${stack.emulatorUrl}, host ${stack.hostUrl}`,
    );
    const defaultDelays = await readEmulatorDelays(stack.emulatorUrl);

    const throughput = await runScenario(stack, {
      title: `Throughput: ${options.pairs} new tenant pairs`,
      pairs: options.pairs,
      concurrency: options.concurrency,
      delays: THROUGHPUT_DELAYS,
    });
    const latency = await runScenario(stack, {
      title: "Latency: 1 new tenant pair with the emulator's default delays (as in npm run demo), same host",
      pairs: 1,
      concurrency: 1,
      delays: defaultDelays,
    });

    const failed = throughput.failures.length + latency.failures.length;
    if (failed > 0) {
      console.error(`\n${failed} onboarding(s) failed or timed out. The figures above leave them out.`);
      return 1;
    }
    return 0;
  } finally {
    await stack.stop();
  }
}

async function runScenario(stack: BenchStack, scenario: Scenario): Promise<ScenarioFigures> {
  const delays = await changeEmulatorDelays(stack.emulatorUrl, scenario.delays);
  console.log(`\nCreating ${scenario.pairs * 2} emulator tenants for "${scenario.title}"...`);
  const pairs: BenchPair[] = [];
  for (let index = 1; index <= scenario.pairs; index++) {
    pairs.push(await createBenchPair(stack.emulatorUrl, `Bench ${Date.now().toString(36)} pair ${index}`));
  }
  await clearRequestLog(stack.emulatorUrl);

  console.log(`Onboarding ${scenario.pairs} pair(s), ${scenario.concurrency} at a time...`);
  const startedAt = Date.now();
  const scenarioDeadline = startedAt + SCENARIO_TIMEOUT_MS;
  const results = await mapWithConcurrency(
    pairs,
    scenario.concurrency,
    (pair) => onboardPair(stack.hostUrl, pair, Math.min(Date.now() + ONBOARDING_TIMEOUT_MS, scenarioDeadline)),
    () => Date.now() < scenarioDeadline,
  );
  const wallTimeMs = Date.now() - startedAt;
  const outcomes = results.map(
    (outcome, index): OnboardingOutcome =>
      outcome ?? {
        pair: pairs[index] as BenchPair,
        failure: `not started within ${SCENARIO_TIMEOUT_MS / 60_000} minutes`,
      },
  );

  const figures = computeFigures(outcomes, wallTimeMs, await readRequestLog(stack.emulatorUrl));
  const context = {
    title: scenario.title,
    concurrency: scenario.concurrency,
    delays,
    hostPeakRssBytes: readPeakRssBytes(stack.hostPid),
  };
  console.log(`\n${formatScenario(context, figures).join("\n")}`);
  return figures;
}

/** Describes the Durable concurrency limits in host.json, which cap how many onboardings make progress at once. */
function describeDurableLimits(): string {
  const hostJson = JSON.parse(readFileSync(join(appRoot, "host.json"), "utf8")) as {
    extensions?: { durableTask?: Record<string, unknown> };
  };
  const durable = hostJson.extensions?.durableTask ?? {};
  const orchestrators = durable.maxConcurrentOrchestratorFunctions ?? "default";
  const activities = durable.maxConcurrentActivityFunctions ?? "default";
  return `host.json: maxConcurrentOrchestratorFunctions ${orchestrators}, maxConcurrentActivityFunctions ${activities}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
