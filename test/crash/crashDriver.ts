import type { OnboardingStepName } from "../../src/shared/onboardingStatus";
import { postJson, type OperationSummary } from "../integration/fullStack";
import { waitFor } from "../local-host/spawnHost";
import type { CrashStack } from "./crashStack";
import { addFault, countLoggedRequests, isFaultTaken, wasLoggedSince, type FaultRequest } from "./emulatorFaults";
import { isWriteStep, stepRequests, type KillPoint, type RequestPattern } from "./killPoints";

/**
 * How long the emulator holds a request or its response at a kill point. It only has to outlast the test's poll and
 * the kill; a held write that the host no longer waits for is applied when the hold ends.
 */
const HOLD_MS = 1000;
const TRIGGER_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 20;

/** Code the emulator gives while the target's cross-tenant policies are missing or not yet propagated. */
const POLICY_CHECK_FAILURE = "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure";

/** What the test waits for before it kills the host, and what it waits for after. */
interface ArmedKillPoint {
  point: KillPoint;
  reached(operationId: string): Promise<boolean>;
  /** Runs while the host is down, e.g. until a held write has been applied. */
  settle(): Promise<void>;
}

async function noSettling(): Promise<void> {}

type FaultChanges = Pick<FaultRequest, "status" | "code" | "delayMs" | "when">;

function faultFor(pattern: RequestPattern, changes: FaultChanges): FaultRequest {
  return { method: pattern.method, path: pattern.path, tenantId: pattern.tenantId, ...changes };
}

async function isStepWaiting(stack: CrashStack, operationId: string, step: OnboardingStepName): Promise<boolean> {
  const summary = await stack.readOperation<OperationSummary>(operationId);
  return summary.steps.some((record) => record.name === step && record.state === "waiting");
}

/** Installs the emulator faults of a kill point. Call it while no request can match them early. */
async function arm(stack: CrashStack, point: KillPoint): Promise<ArmedKillPoint> {
  const emulatorUrl = stack.emulator.url;
  const waitingStep = (operationId: string) => isStepWaiting(stack, operationId, point.step);
  const faultTaken = (faultId: string) => () => isFaultTaken(emulatorUrl, faultId);

  if (!isWriteStep(point.step)) {
    if (point.moment !== "timer") {
      throw new Error(`Step ${point.step} sends no Graph write; kill it at moment "timer", not "${point.moment}".`);
    }
    if (point.step === "validateSyncCredentials") {
      // The first validation fails as it does while policies propagate, so the step waits for its next poll.
      const pattern: RequestPattern = {
        method: "POST",
        path: "^/servicePrincipals/[^/]+/synchronization/jobs/validateCredentials$",
        tenantId: stepRequests.createSyncJob.write.tenantId,
      };
      await addFault(emulatorUrl, faultFor(pattern, { status: 400, code: POLICY_CHECK_FAILURE }));
    }
    return { point, reached: waitingStep, settle: noSettling };
  }

  const requests: { write: RequestPattern; firstRead?: RequestPattern } = stepRequests[point.step];
  switch (point.moment) {
    case "before": {
      if (requests.firstRead !== undefined) {
        const faultId = await addFault(emulatorUrl, faultFor(requests.firstRead, { delayMs: HOLD_MS }));
        return { point, reached: faultTaken(faultId), settle: noSettling };
      }
      // No read comes first, so the write fails once with a 500 that the emulator sends before applying anything,
      // and the host dies while the step waits on its retry timer.
      await addFault(emulatorUrl, faultFor(requests.write, { status: 500 }));
      return { point, reached: waitingStep, settle: noSettling };
    }
    case "during": {
      const loggedBefore = await countLoggedRequests(emulatorUrl);
      const faultId = await addFault(emulatorUrl, faultFor(requests.write, { delayMs: HOLD_MS, when: "before" }));
      return {
        point,
        reached: faultTaken(faultId),
        // The held write is applied after the host died; the host starts again once the emulator has responded to it.
        settle: async () => {
          const written = async () =>
            (await wasLoggedSince(emulatorUrl, requests.write, loggedBefore)) ? true : undefined;
          await waitFor(written, TRIGGER_TIMEOUT_MS);
        },
      };
    }
    case "after": {
      // The emulator applies the write when it takes the fault, then holds the response; both happen before it serves
      // the next admin request, so "taken" means "applied".
      const faultId = await addFault(emulatorUrl, faultFor(requests.write, { delayMs: HOLD_MS, when: "after" }));
      return { point, reached: faultTaken(faultId), settle: noSettling };
    }
    case "timer":
      throw new Error(`Step ${point.step} writes to Graph; kill it "before", "during" or "after", not at "timer".`);
  }
}

async function startOnboarding(stack: CrashStack, request: unknown): Promise<string> {
  const response = await postJson(`${stack.api}/tenant-pairs`, request);
  if (response.status !== 202) {
    throw new Error(`Starting the onboarding returned ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { id: string }).id;
}

async function waitUntilReached(stack: CrashStack, armed: ArmedKillPoint, operationId: string): Promise<void> {
  try {
    const reached = async () => ((await armed.reached(operationId)) ? true : undefined);
    await waitFor(reached, TRIGGER_TIMEOUT_MS, POLL_INTERVAL_MS);
  } catch (error) {
    const { step, moment } = armed.point;
    const output = stack.hostOutput();
    throw new Error(`Kill point ${step} ${moment} was not reached. Host output:\n${output}`, { cause: error });
  }
}

/**
 * Starts an onboarding and kills the host with SIGKILL at each kill point in turn, starting it again on the same data
 * folder after each. Kill points must be in the order the steps run. Returns the operation id, with the host still
 * running.
 */
export async function onboardWithKills(
  stack: CrashStack,
  request: unknown,
  points: readonly KillPoint[],
): Promise<string> {
  const [first, ...rest] = points;
  let armed = first === undefined ? undefined : await arm(stack, first);
  await stack.startHost();
  const operationId = await startOnboarding(stack, request);
  for (const next of [...rest, undefined]) {
    if (armed === undefined) {
      break;
    }
    await waitUntilReached(stack, armed, operationId);
    await stack.killHost();
    await armed.settle();
    armed = next === undefined ? undefined : await arm(stack, next);
    await stack.startHost();
  }
  return operationId;
}

/** Polls the status route until the orchestration has finished, then returns its summary. */
export async function waitForOutcome(
  stack: CrashStack,
  operationId: string,
  timeoutMs = 60_000,
): Promise<OperationSummary> {
  return waitFor(
    async () => {
      const summary = await stack.readOperation<OperationSummary>(operationId);
      return ["Completed", "Failed", "Terminated"].includes(summary.runtimeStatus) ? summary : undefined;
    },
    timeoutMs,
    100,
  );
}
