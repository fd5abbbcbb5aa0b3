import { randomUUID } from "node:crypto";
import type { CoreInvocationContext, TypedData } from "./coreTypes";
import type { FunctionRegistry, RegisteredFunction } from "./functionRegistry";
import { hostLog, toError, toHostLogLevel } from "./log";

export interface InvocationRequest {
  inputData: { name: string; data: TypedData }[];
  triggerMetadata?: Record<string, TypedData>;
  /** Trigger reason, shown in the "Executing" log line as the Functions host shows it. */
  reason: string;
}

export interface InvocationResult {
  invocationId: string;
  /** The handler's result after post-invocation hooks, before conversion. */
  result: unknown;
  returnValue: TypedData | null | undefined;
}

/** Data shared by all hooks of the app, like the worker's `appHookData`. */
const appHookData: Record<string, unknown> = {};

async function runHooks(registry: FunctionRegistry, name: string, context: Record<string, unknown>): Promise<void> {
  for (const hook of registry.hooksFor(name)) {
    await hook(context);
  }
}

/** Runs the app-start hooks once after loading, as the worker does before the first invocation. */
export async function runAppStartHooks(registry: FunctionRegistry, appRoot: string): Promise<void> {
  await runHooks(registry, "appStart", { hookData: appHookData, appHookData, functionAppDirectory: appRoot });
}

export async function runAppTerminateHooks(registry: FunctionRegistry): Promise<void> {
  await runHooks(registry, "appTerminate", { hookData: appHookData, appHookData });
}

/**
 * Invokes `fn` through the app's programming model the way the Node worker does: `getInvocationModel` →
 * `getArguments` → pre-invocation hooks → `invokeFunction` → post-invocation hooks → `getResponse`.
 * Throws what the function threw.
 */
export async function invokeFunction(
  registry: FunctionRegistry,
  fn: RegisteredFunction,
  request: InvocationRequest,
): Promise<InvocationResult> {
  const model = registry.programmingModel;
  if (!model) {
    throw new Error("The app did not set a programming model; is @azure/functions loaded?");
  }
  const invocationId = randomUUID();
  const name = fn.metadata.name;
  const coreCtx: CoreInvocationContext = {
    invocationId,
    request: { inputData: request.inputData, triggerMetadata: request.triggerMetadata ?? {} },
    metadata: { name, bindings: fn.metadata.bindings },
    state: "preInvocationHooks",
    log: (level, category, message) => {
      const source = category === "system" ? `Worker.${name}` : `Function.${name}`;
      hostLog(toHostLogLevel(level), `${message} (Id=${invocationId})`, source);
    },
  };
  const started = Date.now();
  hostLog("Information", `Executing 'Functions.${name}' (Reason='${request.reason}', Id=${invocationId})`);
  try {
    const invocationModel = model.getInvocationModel(coreCtx);
    const { context, inputs: initialInputs } = await invocationModel.getArguments();
    const hookData: Record<string, unknown> = {};
    const preContext: Record<string, unknown> = {
      hookData,
      appHookData,
      invocationContext: context,
      functionCallback: fn.callback,
      inputs: initialInputs,
    };
    await runHooks(registry, "preInvocation", preContext);
    const inputs = preContext.inputs as unknown[];
    const handler = preContext.functionCallback as RegisteredFunction["callback"];

    coreCtx.state = "invocation";
    let result: unknown;
    let error: unknown;
    try {
      result = await invocationModel.invokeFunction(context, inputs, handler);
    } catch (caught) {
      error = caught;
    }
    coreCtx.state = "postInvocationHooks";
    const postContext: Record<string, unknown> = { hookData, appHookData, invocationContext: context, inputs };
    postContext.result = result;
    postContext.error = error;
    await runHooks(registry, "postInvocation", postContext);
    if (postContext.error !== undefined) {
      throw postContext.error;
    }
    const response = await invocationModel.getResponse(context, postContext.result);
    hostLog("Information", `Executed 'Functions.${name}' (Succeeded, Id=${invocationId}, ${elapsed(started)})`);
    return { invocationId, result: postContext.result, returnValue: response.returnValue };
  } catch (caught) {
    const error = toError(caught);
    // The first line only: durable failures carry their whole state after it.
    const message = error.message.split("\n")[0] ?? "";
    hostLog("Error", `Executed 'Functions.${name}' (Failed, Id=${invocationId}, ${elapsed(started)}): ${message}`);
    throw caught;
  }
}

function elapsed(started: number): string {
  return `Duration=${Date.now() - started}ms`;
}
