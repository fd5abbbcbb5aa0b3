import { describe, expect, it } from "vitest";
import { history } from "./historyBuilder";
import { registerOrchestrator, replay } from "./replayHarness";

registerOrchestrator("ReplayFailing", function* (context) {
  context.df.setCustomStatus({ step: "calling" });
  yield context.df.callActivity("Breaks");
  return "unreachable";
});

registerOrchestrator("ReplayCatching", function* (context) {
  try {
    yield context.df.callActivity("Breaks");
    return "unreachable";
  } catch (error) {
    return error instanceof Error ? { name: error.name, message: error.message } : "not an Error";
  }
});

describe("replayed failures", () => {
  it("fails with Reason and Details joined", async () => {
    const events = history("ReplayFailing")
      .scheduled(0, "Breaks")
      .episode()
      .failed(0, "Activity failed", "at x")
      .build();
    const result = await replay("ReplayFailing", events);
    expect(result.kind).toBe("thrown");
    expect(result.state.isDone).toBe(false);
    expect(result.state.error).toBe("Activity failed \n at x");
    expect(result.state.failureDetails).toBeUndefined();
  });

  it("keeps the custom status in the thrown state", async () => {
    const events = history("ReplayFailing").scheduled(0, "Breaks").episode().failed(0, "Activity failed").build();
    const result = await replay("ReplayFailing", events);
    expect(result.state.customStatus).toEqual({ step: "calling" });
  });

  it("fails with FailureDetails as a TaskFailedError", async () => {
    const events = history("ReplayFailing")
      .scheduled(0, "Breaks")
      .episode()
      .failedWithDetails(0, {
        ErrorType: "RangeError",
        ErrorMessage: "too big",
        StackTrace: "at y",
        IsNonRetriable: true,
      })
      .build();
    const result = await replay("ReplayFailing", events);
    expect(result.kind).toBe("thrown");
    expect(result.state.error).toBe("RangeError: too big");
    expect(result.state.failureDetails).toEqual({
      ErrorType: "RangeError",
      ErrorMessage: "too big",
      StackTrace: "at y",
      IsNonRetriable: true,
    });
  });

  it("lets the orchestrator catch a failed task", async () => {
    const events = history("ReplayCatching")
      .scheduled(0, "Breaks")
      .episode()
      .failedWithDetails(0, { ErrorType: "TypeError", ErrorMessage: "bad" })
      .build();
    const result = await replay("ReplayCatching", events);
    expect(result.kind).toBe("state");
    expect(result.state.isDone).toBe(true);
    expect(result.state.output).toEqual({ name: "TaskFailedError", message: "TypeError: bad" });
  });

  it("rejects a failure event without Reason, Details or FailureDetails", async () => {
    const events = history("ReplayFailing").scheduled(0, "Breaks").episode().failed(0, "only reason").build();
    const withoutDetails = events.map((event) => {
      const { Details: _details, ...rest } = event;
      return event.EventType === 6 ? { ...rest } : event;
    });
    await expect(replay("ReplayFailing", withoutDetails)).rejects.toThrow(/could not parse its exception data/);
  });
});
