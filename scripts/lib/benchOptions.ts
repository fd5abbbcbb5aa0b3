import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Tenant pairs onboarded in the throughput scenario. */
  pairs: number;
  /** Onboardings in flight at once in the throughput scenario. */
  concurrency: number;
}

export const MAX_PAIRS = 200;
export const MAX_CONCURRENCY = 50;

export const BENCH_USAGE = `Usage: npm run bench -- [--pairs N] [--concurrency C]

Starts Azurite, the Graph emulator and the local Functions host on free 127.0.0.1 ports, onboards N new tenant
pairs through the HTTP API, then one more pair with the emulator's default delays, and prints the figures.
Exits 1 when any onboarding fails or times out, and 2 for an invalid option.

  --pairs N          tenant pairs to onboard in the throughput scenario, 1 to ${MAX_PAIRS} (default 20)
  --concurrency C    onboardings in flight at once, 1 to ${MAX_CONCURRENCY} (default 10; at most N)
  -h, --help         print this help`;

export class InvalidBenchOptionError extends Error {
  override name = "InvalidBenchOptionError";
}

/**
 * Parses the benchmark's command-line arguments. Returns undefined when `--help` is given, and throws
 * InvalidBenchOptionError for an unknown option or an out-of-range number.
 */
export function parseBenchOptions(args: string[]): BenchOptions | undefined {
  let values: { pairs?: string; concurrency?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        pairs: { type: "string" },
        concurrency: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new InvalidBenchOptionError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    return undefined;
  }
  const pairs = parseCount("--pairs", values.pairs, 20, MAX_PAIRS);
  const concurrency = parseCount("--concurrency", values.concurrency, 10, MAX_CONCURRENCY);
  return { pairs, concurrency: Math.min(concurrency, pairs) };
}

function parseCount(option: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) {
    return fallback;
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) {
    throw new InvalidBenchOptionError(`Invalid ${option} '${text}': expected a whole number from 1 to ${max}.`);
  }
  return value;
}
