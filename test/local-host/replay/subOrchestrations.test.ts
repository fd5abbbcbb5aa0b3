import { describe, expect, it } from "vitest";
import { ActionType } from "../../../local-host/durable/actions";
import { history } from "./historyBuilder";
import { registerOrchestrator, replayHarness, replayState } from "./replayHarness";

const { df } = replayHarness();

registerOrchestrator("ReplayParent", function* (context) {
  const plain: unknown = yield context.df.callSubOrchestrator("Child", "in");
  const named: unknown = yield context.df.callSubOrchestrator("Child", { n: 1 }, "child-id");
  const retried: unknown = yield context.df.callSubOrchestratorWithRetry("Child", new df.RetryOptions(500, 2), "again");
  return [plain, named, retried];
});

describe("replayed sub-orchestrations", () => {
  it("sends no instance id when none is given", async () => {
    const state = await replayState("ReplayParent", history("ReplayParent").build());
    expect(state.actions).toEqual([
      [{ actionType: ActionType.CallSubOrchestrator, functionName: "Child", input: "in" }],
    ]);
  });

  it("passes the explicit instance id and the input unencoded", async () => {
    const events = history("ReplayParent")
      .subCreated(0, "Child", "execution-1:0", "in")
      .episode()
      .subCompleted(0, 1)
      .build();
    const state = await replayState("ReplayParent", events);
    expect(state.actions[0]?.[1]).toMatchObject({
      actionType: ActionType.CallSubOrchestrator,
      functionName: "Child",
      instanceId: "child-id",
      input: { n: 1 },
    });
  });

  it("retries a failed child with timer and attempt ids", async () => {
    const events = history("ReplayParent")
      .subCreated(0, "Child", "execution-1:0", "in")
      .episode()
      .subCompleted(0, 1)
      .subCreated(1, "Child", "child-id")
      .episode()
      .subCompleted(1, 2)
      .subCreated(2, "Child", "execution-1:2")
      .episode()
      .subFailed(2, "child failed")
      .timerCreated(3, new Date())
      .episode()
      .timerFired(3)
      .subCreated(4, "Child", "execution-1:4")
      .episode()
      .subCompleted(4, 3)
      .build();
    const state = await replayState("ReplayParent", events);
    expect(state.actions[0]?.[2]).toMatchObject({
      actionType: ActionType.CallSubOrchestratorWithRetry,
      retryOptions: { firstRetryIntervalInMilliseconds: 500, maxNumberOfAttempts: 2 },
    });
    expect(state.isDone).toBe(true);
    expect(state.output).toEqual([1, 2, 3]);
  });
});
