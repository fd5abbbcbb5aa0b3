import type * as df from "durable-functions";

/** A task as the fake context hands it out: an activity call or a timer. */
export type FakeTask = { kind: "activity"; name: string; input: unknown } | { kind: "timer"; fireAt: Date };

/** What an activity call gives back: an output, or an error thrown into the generator. */
export type ActivityAnswer = { output: unknown } | { error: Error };

export interface DriveResult {
  output?: unknown;
  error?: Error;
  tasks: FakeTask[];
  customStatus: unknown;
  /** The custom status as it stood when each timer was created. */
  statusAtTimers: unknown[];
  logs: string[];
}

/**
 * Runs an orchestrator generator against a fake Durable context in one pass: each activity call is answered by
 * `answer`, each timer moves the clock to its fire time, and activities take `activitySeconds` of clock time.
 */
export function driveOrchestration(
  orchestrator: (context: df.OrchestrationContext) => Generator<df.Task, unknown, unknown>,
  input: unknown,
  answer: (task: Extract<FakeTask, { kind: "activity" }>, call: number) => ActivityAnswer,
  options: { start?: Date; activitySeconds?: number; maxTasks?: number; replaying?: boolean } = {},
): DriveResult {
  let now = options.start ?? new Date("2026-01-01T00:00:00Z");
  const tasks: FakeTask[] = [];
  const logs: string[] = [];
  let customStatus: unknown;
  const statusAtTimers: unknown[] = [];
  const dfContext = {
    instanceId: "onboard-test",
    isReplaying: options.replaying ?? false,
    get currentUtcDateTime() {
      return now;
    },
    getInput: () => input,
    setCustomStatus: (status: unknown) => {
      customStatus = structuredClone(status);
    },
    callActivity: (name: string, activityInput: unknown): FakeTask => ({
      kind: "activity",
      name,
      input: activityInput,
    }),
    createTimer: (fireAt: Date): FakeTask => ({ kind: "timer", fireAt }),
  };
  const context = { df: dfContext, log: (message: string) => logs.push(message) } as unknown as df.OrchestrationContext;
  const generator = orchestrator(context);

  let next: IteratorResult<df.Task, unknown>;
  try {
    next = generator.next();
  } catch (error) {
    return { error: error as Error, tasks, customStatus, statusAtTimers, logs };
  }
  while (!next.done) {
    const task = next.value as unknown as FakeTask;
    tasks.push(task);
    if (tasks.length > (options.maxTasks ?? 2000)) {
      throw new Error("The orchestrator scheduled too many tasks; is it looping?");
    }
    try {
      if (task.kind === "timer") {
        statusAtTimers.push(customStatus);
        if (task.fireAt.getTime() <= now.getTime()) {
          throw new Error(`A timer was created for ${task.fireAt.toISOString()}, which is not in the future.`);
        }
        now = task.fireAt;
        next = generator.next(undefined);
        continue;
      }
      const call = tasks.filter((t) => t.kind === "activity" && t.name === task.name).length;
      now = new Date(now.getTime() + (options.activitySeconds ?? 1) * 1000);
      const result = answer(task, call);
      next = "error" in result ? generator.throw(result.error) : generator.next(result.output);
    } catch (error) {
      return { error: error as Error, tasks, customStatus, statusAtTimers, logs };
    }
  }
  return { output: next.value, tasks, customStatus, statusAtTimers, logs };
}

/** The activity calls among the tasks, by name. */
export function activityCalls(result: DriveResult, name?: string): Extract<FakeTask, { kind: "activity" }>[] {
  return result.tasks.filter(
    (task): task is Extract<FakeTask, { kind: "activity" }> =>
      task.kind === "activity" && (name === undefined || task.name === name),
  );
}

export function timers(result: DriveResult): Extract<FakeTask, { kind: "timer" }>[] {
  return result.tasks.filter((task): task is Extract<FakeTask, { kind: "timer" }> => task.kind === "timer");
}
