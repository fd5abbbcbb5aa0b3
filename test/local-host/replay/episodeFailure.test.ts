import { afterAll, describe, expect, it } from "vitest";
import { runEpisode } from "../../../local-host/durable/episodeRunner";
import { InstanceStore } from "../../../local-host/durable/instanceStore";
import { createInstance } from "../../../local-host/durable/instanceWriter";
import { registerOrchestrator, replayHarness } from "./replayHarness";

// Fails in its first episode, so no earlier episode has stored the custom status.
registerOrchestrator("EpisodeFailing", function* (context) {
  context.df.setCustomStatus({ step: "validating" });
  if (context.df.getInput() === "fail") throw new Error("validation failed");
  yield context.df.callActivity("Never");
});

describe("failed episode", () => {
  const store = new InstanceStore(":memory:");
  const context = { store, registry: replayHarness().registry };
  afterAll(() => store.close());

  it("keeps the last custom status", async () => {
    store.transaction(() => createInstance(store, "failing-status", "EpisodeFailing", "fail"));
    expect(await runEpisode(context, "failing-status")).toBe(true);
    const failed = store.getInstance("failing-status");
    expect(failed?.status).toBe("Failed");
    expect(failed?.output).toBe(JSON.stringify("Orchestrator function 'EpisodeFailing' failed: validation failed"));
    expect(failed?.custom_status).toBe(JSON.stringify({ step: "validating" }));
  });
});
