import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { OperationSummary } from "../integration/fullStack";
import { startFullStack, type FullStack } from "../integration/fullStack";
import {
  REQUEST_TIMEOUT_MS,
  STEP_REQUESTS,
  TRANSIENT_FAULTS,
  faultFor,
  type FaultBody,
  type FaultKind,
  type StepRequest,
} from "./faultScenarios";
import { addFault, addLookupFault, createTenantPair, dumpPair, onboardPair, tenantOf } from "./faultStack";

interface Scenario {
  name: string;
  request: StepRequest;
  kind: FaultKind;
  fault: FaultBody;
}

interface ScenarioOutcome {
  summary: OperationSummary & {
    rollback?: { state: string; leftBehindCount: number; rolledBack: Array<{ objectType: string }> };
  };
  before: Record<string, unknown>[];
  after: Record<string, unknown>[];
}

const FAULT_KINDS: readonly FaultKind[] = [
  "throttled",
  "unavailable",
  "slow",
  "notFoundAfterCreate",
  "forbidden",
  "badRequest",
];

const scenarios: Scenario[] = STEP_REQUESTS.flatMap((request) =>
  FAULT_KINDS.flatMap((kind) => {
    const fault = faultFor(request, kind);
    return fault === undefined ? [] : [{ name: `${request.step} ${kind}`, request, kind, fault }];
  }),
);

let stack: FullStack;
const outcomes = new Map<string, Promise<ScenarioOutcome>>();

async function runScenario(scenario: Scenario): Promise<ScenarioOutcome> {
  const pair = await createTenantPair(stack.emulator.url, scenario.name);
  const before = await dumpPair(stack.emulator.url, pair);
  const tenantId = tenantOf(pair, scenario.request.side).tenantId;
  const setup = TRANSIENT_FAULTS.includes(scenario.kind) ? undefined : scenario.request.rollbackRepeatsRequest;
  if (setup !== undefined) {
    await addFault(stack.emulator.url, tenantId, setup.setupFault);
  }
  if (scenario.request.step === "resolveTenants") {
    await addLookupFault(stack.emulator.url, tenantId, scenario.fault);
  } else {
    await addFault(stack.emulator.url, tenantId, scenario.fault);
  }
  const summary = await onboardPair(stack.api, pair);
  const after = await dumpPair(stack.emulator.url, pair);
  return { summary, before, after };
}

// Every scenario runs at once in one host and one emulator, each on a tenant pair of its own, so the matrix takes
// about as long as its slowest scenario. Each test below only awaits and checks its scenario's outcome.
beforeAll(async () => {
  stack = await startFullStack({
    settings: {
      GRAPH_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      // A lasting 403 on the service principal reads as replication, so the wait must end within the test.
      ONBOARDING_REPLICATION_TIMEOUT_SECONDS: "8",
      ONBOARDING_POLICY_PROPAGATION_TIMEOUT_SECONDS: "60",
      ONBOARDING_FIRST_CYCLE_TIMEOUT_SECONDS: "60",
    },
  });
  for (const scenario of scenarios) {
    const outcome = runScenario(scenario);
    // Each test awaits its own outcome; this keeps a failed scenario from being reported as unhandled first.
    outcome.catch(() => undefined);
    outcomes.set(scenario.name, outcome);
  }
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

function failureReport(summary: OperationSummary): string {
  return JSON.stringify({ error: summary.error, steps: summary.steps.filter((step) => step.state !== "succeeded") });
}

describe("fault matrix", () => {
  const transient = scenarios.filter((scenario) => TRANSIENT_FAULTS.includes(scenario.kind));
  const permanent = scenarios.filter((scenario) => !TRANSIENT_FAULTS.includes(scenario.kind));

  it.each(transient.map((scenario) => [scenario.name, scenario] as const))(
    "%s: onboarding completes",
    async (_name, scenario) => {
      const { summary } = await outcomes.get(scenario.name)!;
      expect(summary.runtimeStatus, failureReport(summary)).toBe("Completed");
      expect(summary.steps.every((step) => step.state === "succeeded")).toBe(true);
    },
    120_000,
  );

  it.each(permanent.map((scenario) => [scenario.name, scenario] as const))(
    "%s: fails at the step and restores both tenants",
    async (_name, scenario) => {
      const { summary, before, after } = await outcomes.get(scenario.name)!;
      expect(summary.runtimeStatus).toBe("Failed");
      expect(summary.error?.step, failureReport(summary)).toBe(scenario.request.step);
      expect(summary.error?.graphCode).toBe(scenario.fault.code);
      expect(summary.rollback?.leftBehindCount ?? 0).toBe(0);
      // Nothing is normalised: created objects are deleted outright and restored flags keep no change time in dumps.
      expect(after[0]).toEqual(before[0]);
      expect(after[1]).toEqual(before[1]);
      if (scenario.request.rollbackRepeatsRequest !== undefined) {
        // The first cycle synced users before the step failed, so the rollback waited for cycles to delete them.
        expect(summary.rollback?.rolledBack.map((item) => item.objectType)).toContain("syncedUsers");
      }
    },
    120_000,
  );
});
