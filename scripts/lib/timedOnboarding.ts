/** One onboarding through the app's HTTP API, from the POST to the final status, for the benchmark. */
import { createTenant, type CreatedTenant } from "./emulatorAdmin";
import { delay, getJson, postJson } from "./http";
import { isFinished, type OperationSummary } from "./operationProgress";

/**
 * Time between two reads of an operation's status route. A shorter interval would time the end more closely, but it
 * would also load the host being measured, because 10 onboardings in flight already make 40 status reads a second.
 */
const POLL_INTERVAL_MS = 250;

export interface BenchPair {
  label: string;
  source: CreatedTenant;
  target: CreatedTenant;
}

export interface OnboardingOutcome {
  pair: BenchPair;
  /** The last status read; absent when the POST was rejected or no status could be read. */
  summary?: OperationSummary;
  /** Reason the onboarding counts as failed, absent when it completed. */
  failure?: string;
  /**
   * Time from sending the POST to reading the final status, in ms, absent when no final status was read. Because of
   * polling, it can be up to one poll interval later than the actual end.
   */
  elapsedMs?: number;
}

/** Creates a new source and target tenant in the emulator, each with its own "All Employees" group. */
export async function createBenchPair(emulatorUrl: string, label: string): Promise<BenchPair> {
  const source = await createTenant(emulatorUrl, `${label} source`);
  const target = await createTenant(emulatorUrl, `${label} target`);
  return { label, source, target };
}

/**
 * Starts the onboarding of `pair` with the source's "All Employees" group in scope and polls its status route until it
 * finishes or `deadline` (epoch ms) passes. Returns a failure instead of throwing, so one bad onboarding does not stop
 * the others.
 */
export async function onboardPair(hostUrl: string, pair: BenchPair, deadline: number): Promise<OnboardingOutcome> {
  const request = {
    source: pair.source.tenantId,
    target: pair.target.tenantId,
    scope: { groups: [pair.source.groupId] },
  };
  const sentAt = Date.now();
  try {
    const started = await postJson(`${hostUrl}/api/tenant-pairs`, request);
    if (started.status !== 202) {
      return { pair, failure: `POST /api/tenant-pairs returned ${started.status}: ${JSON.stringify(started.body)}` };
    }
    const { statusUri } = started.body as { statusUri: string };
    // The host names itself `localhost` in the status URI; polling 127.0.0.1 avoids resolving localhost to ::1 first.
    const location = new URL(statusUri);
    const pollUrl = new URL(`${location.pathname}${location.search}`, hostUrl).toString();
    return await pollUntilFinished(pollUrl, pair, sentAt, deadline);
  } catch (error) {
    return { pair, failure: error instanceof Error ? error.message : String(error) };
  }
}

async function pollUntilFinished(
  pollUrl: string,
  pair: BenchPair,
  sentAt: number,
  deadline: number,
): Promise<OnboardingOutcome> {
  for (;;) {
    const summary = await getJson<OperationSummary>(pollUrl);
    if (isFinished(summary)) {
      const elapsedMs = Date.now() - sentAt;
      const failure = summary.runtimeStatus === "Completed" ? undefined : describeFailure(summary);
      return failure === undefined ? { pair, summary, elapsedMs } : { pair, summary, failure, elapsedMs };
    }
    if (Date.now() > deadline) {
      const step = summary.currentStep ?? "no step yet";
      return { pair, summary, failure: `timed out while ${summary.runtimeStatus} at ${step}` };
    }
    await delay(POLL_INTERVAL_MS);
  }
}

function describeFailure(summary: OperationSummary): string {
  const step = summary.error?.step ?? summary.currentStep ?? "unknown step";
  return `${summary.runtimeStatus} at ${step}: ${summary.error?.message ?? "no message"}`;
}
