import Module from "node:module";
import type { FunctionCallback, FunctionMetadata, HookCallback, LogLevel, ProgrammingModel } from "./coreTypes";
import type { FunctionRegistry } from "./functionRegistry";
import { hostLog, toHostLogLevel } from "./log";

const coreModuleName = "@azure/functions-core";

class Disposable {
  #callOnDispose: () => void;

  constructor(callOnDispose: () => void) {
    this.#callOnDispose = callOnDispose;
  }

  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }

  dispose(): void {
    this.#callOnDispose();
  }
}

/** Builds the module object that the Node worker exposes as `@azure/functions-core`, backed by `registry`. */
export function createFunctionsCoreModule(registry: FunctionRegistry): Record<string, unknown> {
  return {
    // NOTE: these versions are values picked for this host, not read from Azure. @azure/functions 4.16.5 does not
    // read them, but other packages could.
    version: "3.12.0",
    hostVersion: "4.1040.0",
    Disposable,
    registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable {
      registry.add(metadata, callback);
      return new Disposable(() => registry.functions.delete(metadata.name.toLowerCase()));
    },
    setProgrammingModel(model: ProgrammingModel): void {
      registry.programmingModel = model;
    },
    getProgrammingModel(): ProgrammingModel | undefined {
      return registry.programmingModel;
    },
    registerHook(hookName: string, callback: HookCallback): Disposable {
      const hooks = registry.hooks.get(hookName) ?? new Set<HookCallback>();
      registry.hooks.set(hookName, hooks);
      hooks.add(callback);
      return new Disposable(() => hooks.delete(callback));
    },
    log(level: LogLevel, category: string, message: string): void {
      hostLog(toHostLogLevel(level), message, category === "system" ? "Worker" : "App");
    },
  };
}

type LoadFunction = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Hooks `Module._load` so `require("@azure/functions-core")` returns `coreModule`, as the Node worker does.
 * It must run before anything loads `@azure/functions`, which caches the lookup; without the module the library
 * silently skips every registration ("test mode").
 */
export function installFunctionsCoreModule(coreModule: Record<string, unknown>): void {
  const moduleWithLoad = Module as unknown as { _load: LoadFunction };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = function load(request: string, parent: unknown, isMain: boolean): unknown {
    if (request === coreModuleName) {
      return coreModule;
    }
    return originalLoad.call(this, request, parent, isMain);
  };
}
