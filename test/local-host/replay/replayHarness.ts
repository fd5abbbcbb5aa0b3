import { createRequire } from "node:module";

import type { OrchestrationHandler } from "durable-functions";
import type { OrchestratorState } from "../../../local-host/durable/actions";
import { FunctionRegistry } from "../../../local-host/core/functionRegistry";
import { createFunctionsCoreModule, installFunctionsCoreModule } from "../../../local-host/core/functionsCoreModule";
import { invokeFunction } from "../../../local-host/core/invokeFunction";
import type { HistoryEvent } from "../../../local-host/durable/historyEvents";

/** The `durable-functions` 3.5.0 exports the tests use, typed loosely because the module is loaded with `require`. */
export type DurableFunctions = typeof import("durable-functions");

interface Harness {
  registry: FunctionRegistry;
  df: DurableFunctions;
}

const harnessKey = Symbol.for("local-host.replay-harness");

/**
 * Returns the process-wide harness: the host's `@azure/functions-core` module installed before `durable-functions`
 * is required, so `df.app.orchestration` registers into a real registry. `@azure/functions` caches the core module
 * on first load, so the harness is created once per process and shared by every replay test file in it.
 */
export function replayHarness(): Harness {
  const store = globalThis as { [harnessKey]?: Harness };
  const existing = store[harnessKey];
  if (existing) return existing;
  const registry = new FunctionRegistry();
  installFunctionsCoreModule(createFunctionsCoreModule(registry));
  const df = createRequire(__filename)("durable-functions") as DurableFunctions;
  const harness = { registry, df };
  store[harnessKey] = harness;
  return harness;
}

/** Registers `handler` as orchestrator `name` unless this process already has it (one registration per name). */
export function registerOrchestrator(name: string, handler: OrchestrationHandler): void {
  const { registry, df } = replayHarness();
  if (!registry.get(name)) {
    df.app.orchestration(name, handler);
  }
}

export type ReplayResult =
  { kind: "state"; state: OrchestratorState } | { kind: "thrown"; message: string; state: OrchestratorState };

const outOfProcMarker = "$OutOfProcData$:";

/**
 * Invokes orchestrator `name` through the programming model with `history`, as the host does, and returns the
 * state it returned, or the state that it threw after the out-of-process marker.
 */
export async function replay(name: string, history: HistoryEvent[], input?: unknown): Promise<ReplayResult> {
  const { registry } = replayHarness();
  const fn = registry.get(name);
  if (!fn) throw new Error(`Orchestrator '${name}' is not registered in the replay harness.`);
  const payload = {
    history,
    input,
    instanceId: "replay-instance",
    isReplaying: false,
    parentInstanceId: null,
    upperSchemaVersion: 1,
    longRunningTimerIntervalDuration: "3.00:00:00",
    maximumShortTimerDuration: "6.00:00:00",
    defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
  };
  try {
    const invocation = await invokeFunction(registry, fn, {
      reason: "Replay test",
      inputData: [{ name: fn.triggerBindingName, data: { string: JSON.stringify(payload) } }],
    });
    return { kind: "state", state: invocation.result as OrchestratorState };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const markerAt = message.indexOf(outOfProcMarker);
    if (markerAt < 0) throw error;
    const state = JSON.parse(message.slice(markerAt + outOfProcMarker.length)) as OrchestratorState;
    return { kind: "thrown", message: message.slice(0, markerAt).trim(), state };
  }
}

/** Returns the state of a replay that must not throw. */
export async function replayState(name: string, history: HistoryEvent[], input?: unknown): Promise<OrchestratorState> {
  const result = await replay(name, history, input);
  if (result.kind !== "state")
    throw new Error(`Orchestrator '${name}' failed: ${result.state.error ?? result.message}`);
  return result.state;
}
