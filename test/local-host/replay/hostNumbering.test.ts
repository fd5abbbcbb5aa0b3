import { describe, expect, it } from "vitest";
import { runWithHostNumbering } from "./hostDriver";
import { registerOrchestrator, replayHarness } from "./replayHarness";

const { df } = replayHarness();
const farFuture = new Date("2030-01-01T00:00:00.000Z");

registerOrchestrator("HostRetry", function* (context) {
  const result: unknown = yield context.df.callActivityWithRetry("Flaky", new df.RetryOptions(1000, 3), null);
  const after: unknown = yield context.df.callActivity("After");
  return [result, after];
});

registerOrchestrator("HostRetryExhausted", function* (context) {
  try {
    yield context.df.callActivityWithRetry("Flaky", new df.RetryOptions(1000, 2), null);
    return "unreachable";
  } catch {
    return yield context.df.callActivity("Compensate");
  }
});

// A retrying task fails while a sibling completes, so both events wait in the same inbox.
registerOrchestrator("HostParallelRetry", function* (context) {
  const results: unknown = yield context.df.Task.all([
    context.df.callActivityWithRetry("Flaky", new df.RetryOptions(1000, 3), null),
    context.df.callActivity("Plain"),
  ]);
  const after: unknown = yield context.df.callActivity("After");
  return [results, after];
});

registerOrchestrator("HostNested", function* (context) {
  yield context.df.callActivity("A");
  const any = context.df.Task.any([context.df.callActivity("C"), context.df.createTimer(farFuture)]);
  const results: unknown = yield context.df.Task.all([context.df.callActivity("B"), any, context.df.callActivity("D")]);
  const last: unknown = yield context.df.callActivity("E");
  return [Array.isArray(results) ? results[0] : undefined, last];
});

registerOrchestrator("HostSubRetry", function* (context) {
  const child: unknown = yield context.df.callSubOrchestratorWithRetry("Child", new df.RetryOptions(500, 2), null);
  const after: unknown = yield context.df.callActivity("After");
  return [child, after];
});

// The same activity task is raced twice; the library gives it one id.
registerOrchestrator("HostReused", function* (context) {
  const slow = context.df.callActivity("Slow");
  yield context.df.Task.any([slow, context.df.createTimer(farFuture)]);
  const timer = context.df.createTimer(farFuture);
  const winner: unknown = yield context.df.Task.any([slow, timer]);
  const after: unknown = yield context.df.callActivity("After");
  return [winner === timer, after];
});

const succeed = (action: { functionName?: string }) => ({ result: action.functionName });

describe("host numbering against the library", () => {
  it("matches retry timer and attempt ids", async () => {
    const state = await runWithHostNumbering("HostRetry", (action, attempt) =>
      action.functionName === "Flaky" && attempt < 3 ? { failure: `attempt ${attempt}` } : succeed(action),
    );
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual(["Flaky", "After"]);
  });

  it("matches ids after the last attempt fails", async () => {
    const state = await runWithHostNumbering("HostRetryExhausted", (action) =>
      action.functionName === "Flaky" ? { failure: "always" } : succeed(action),
    );
    expect(state.isDone).toBe(true);
    expect(state.output).toBe("Compensate");
  });

  it("matches ids when a retry and a sibling end together", async () => {
    const state = await runWithHostNumbering("HostParallelRetry", (action, attempt) =>
      action.functionName === "Flaky" && attempt === 1 ? { failure: "first" } : succeed(action),
    );
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual([["Flaky", "Plain"], "After"]);
  });

  it("matches depth-first compound ids", async () => {
    const state = await runWithHostNumbering("HostNested", succeed);
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual(["B", "E"]);
  });

  it("matches sub-orchestration retry ids", async () => {
    const state = await runWithHostNumbering("HostSubRetry", (action, attempt) =>
      action.functionName === "Child" && attempt === 1 ? { failure: "child failed" } : succeed(action),
    );
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual(["Child", "After"]);
  });

  it("numbers a task raced twice only once", async () => {
    const state = await runWithHostNumbering("HostReused", succeed);
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual([true, "After"]);
  });
});

registerOrchestrator("HostRetryTimeout", function* (context) {
  const options = new df.RetryOptions(1000, 3);
  options.retryTimeoutInMilliseconds = 1;
  try {
    yield context.df.callActivityWithRetry("Flaky", options, null);
    return "unreachable";
  } catch {
    return "caught";
  }
});

describe("retry timeout against the library", () => {
  it("leaves the orchestration waiting, as on Azure", async () => {
    // The driver's clock does not advance, so the first attempt counts as scheduled one hour earlier to let the
    // 1 ms timeout pass.
    const state = await runWithHostNumbering("HostRetryTimeout", () => ({ failure: "always" }), 50, -3_600_000);
    expect(state.isDone).toBe(false);
    expect(state.error).toBeUndefined();
    expect(state.output).toBeUndefined();
  });
});
