import type { FunctionCallback, FunctionMetadata, HookCallback, ProgrammingModel } from "./coreTypes";

export interface RegisteredFunction {
  metadata: FunctionMetadata;
  callback: FunctionCallback;
  triggerBindingName: string;
  triggerType: string;
}

/** State that the worker would keep: registered functions, the programming model and hooks. */
export class FunctionRegistry {
  readonly functions = new Map<string, RegisteredFunction>();
  readonly hooks = new Map<string, Set<HookCallback>>();
  programmingModel: ProgrammingModel | undefined;

  add(metadata: FunctionMetadata, callback: FunctionCallback): void {
    const key = metadata.name.toLowerCase();
    if (this.functions.has(key)) {
      throw new Error(`A function with the name "${metadata.name}" has already been registered.`);
    }
    const trigger = Object.entries(metadata.bindings).find(([, binding]) =>
      (binding.type ?? "").toLowerCase().endsWith("trigger"),
    );
    if (!trigger) {
      throw new Error(`Function "${metadata.name}" has no trigger binding.`);
    }
    this.functions.set(key, {
      metadata,
      callback,
      triggerBindingName: trigger[0],
      triggerType: String(trigger[1].type),
    });
  }

  /** Finds a function by name, ignoring case as the Functions host does. */
  get(name: string): RegisteredFunction | undefined {
    return this.functions.get(name.toLowerCase());
  }

  byTrigger(triggerType: string): RegisteredFunction[] {
    return [...this.functions.values()].filter((f) => f.triggerType.toLowerCase() === triggerType.toLowerCase());
  }

  hooksFor(name: string): HookCallback[] {
    return [...(this.hooks.get(name) ?? [])];
  }
}
