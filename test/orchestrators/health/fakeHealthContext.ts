import type * as df from "durable-functions";

/** A call as the fake context records it: an activity (with or without retry) or a sub-orchestration. */
export interface FakeCall {
  kind: "activity" | "subOrchestration";
  name: string;
  input: unknown;
}

/** What a call gives back: an output, or an error that fails the task. */
export type CallAnswer = { output: unknown } | { error: Error };

interface FakeTask {
  call: FakeCall;
  isCompleted: boolean;
  isFaulted: boolean;
  result?: unknown;
}

interface AnyTask {
  any: FakeTask[];
}

export interface HealthDriveResult {
  output?: unknown;
  error?: Error;
  calls: FakeCall[];
  /** Sizes of the task lists passed to `Task.any`, i.e. how many checks ran at once. */
  anySizes: number[];
  logs: string[];
}

/**
 * Runs a health orchestrator against a fake Durable context in one pass. Each call is answered by `answer` when the
 * orchestrator waits for it; `Task.any` completes the oldest task of its list. Every call moves the clock one second.
 */
export function driveHealthOrchestration(
  orchestrator: (context: df.OrchestrationContext) => Generator<df.Task, unknown, unknown>,
  input: unknown,
  answer: (call: FakeCall) => CallAnswer,
  options: { start?: Date; instanceId?: string } = {},
): HealthDriveResult {
  let now = options.start ?? new Date("2026-12-04T16:30:00Z");
  const calls: FakeCall[] = [];
  const anySizes: number[] = [];
  const logs: string[] = [];
  const newTask = (call: FakeCall): FakeTask => {
    calls.push(call);
    return { call, isCompleted: false, isFaulted: false };
  };
  const complete = (task: FakeTask): void => {
    if (task.isCompleted) {
      return;
    }
    now = new Date(now.getTime() + 1000);
    const result = answer(task.call);
    task.isCompleted = true;
    task.isFaulted = "error" in result;
    task.result = "error" in result ? result.error : result.output;
  };
  const dfContext = {
    instanceId: options.instanceId ?? "health-test",
    isReplaying: false,
    get currentUtcDateTime() {
      return now;
    },
    getInput: () => input,
    callActivity: (name: string, activityInput: unknown) => newTask({ kind: "activity", name, input: activityInput }),
    callActivityWithRetry: (name: string, _retry: unknown, activityInput: unknown) =>
      newTask({ kind: "activity", name, input: activityInput }),
    callSubOrchestrator: (name: string, subInput: unknown) =>
      newTask({ kind: "subOrchestration", name, input: subInput }),
    Task: { any: (tasks: FakeTask[]): AnyTask => ({ any: tasks }) },
  };
  const context = { df: dfContext, log: (message: string) => logs.push(message) } as unknown as df.OrchestrationContext;
  const generator = orchestrator(context);
  try {
    let next = generator.next();
    while (!next.done) {
      const yielded = next.value as unknown as FakeTask | AnyTask;
      if ("any" in yielded) {
        anySizes.push(yielded.any.length);
        const first = yielded.any[0];
        if (first === undefined) {
          throw new Error("Task.any was given no tasks.");
        }
        complete(first);
        next = generator.next(first);
        continue;
      }
      complete(yielded);
      next = yielded.isFaulted ? generator.throw(yielded.result) : generator.next(yielded.result);
    }
    return { output: next.value, calls, anySizes, logs };
  } catch (error) {
    return { error: error as Error, calls, anySizes, logs };
  }
}
