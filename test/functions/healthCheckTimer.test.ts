import { InvocationContext, type Timer } from "@azure/functions";
import { describe, expect, it } from "vitest";

import { parseNcrontab } from "../../src/shared/ncrontab";
import { createHealthCheckTimerHandler } from "../../src/timer/healthCheckTimerHandler";
import { FakeDurableClient } from "./support/fakeDurableClient";

const INPUT = { maxParallel: 5, remediationEnabled: false };

function tick(isPastDue = false): Timer {
  return { isPastDue, schedule: { adjustForDST: true }, scheduleStatus: { last: "", next: "", lastUpdated: "" } };
}

function setup(at: string) {
  const client = new FakeDurableClient();
  const lines: { level: string; text: string }[] = [];
  const context = () =>
    new InvocationContext({
      invocationId: "tick",
      functionName: "healthCheckTimer",
      logHandler: (level, ...args) => lines.push({ level, text: args.map(String).join(" ") }),
    });
  let now = new Date(at);
  const handler = createHealthCheckTimerHandler({
    getClient: () => client,
    schedule: parseNcrontab("0 */30 * * * *"),
    input: INPUT,
    now: () => now,
  });
  return { client, lines, context, handler, setNow: (value: string) => (now = new Date(value)) };
}

describe("healthCheckTimer", () => {
  it("starts one run named after the tick's scheduled time", async () => {
    const { client, handler, context } = setup("2026-12-04T16:30:00.120Z");
    await handler(tick(), context());
    expect(client.started).toEqual([
      { name: "checkAllTenantPairs", options: { instanceId: "health-2026-12-04T16:30:00Z", input: INPUT } },
    ]);
  });

  it("starts nothing for a repeated tick, whether the run is running or finished", async () => {
    const { client, handler, context, setNow, lines } = setup("2026-12-04T16:30:00.120Z");
    await handler(tick(), context());
    setNow("2026-12-04T16:30:02.000Z");
    await handler(tick(), context());
    client.instances.get("health-2026-12-04T16:30:00Z")!.runtimeStatus = "Completed";
    await handler(tick(), context());
    expect(client.started).toHaveLength(1);
    expect(lines.filter((line) => line.text.startsWith("HealthCheckAlreadyStarted"))).toHaveLength(2);
  });

  it("starts nothing when a second host started the same tick a moment earlier", async () => {
    const { client, handler, context } = setup("2026-12-04T16:30:00.500Z");
    client.beforeStart = (instanceId) => {
      client.beforeStart = undefined;
      void client.startNew("checkAllTenantPairs", { instanceId, input: INPUT });
    };
    await handler(tick(), context());
    expect(client.started).toHaveLength(1);
  });

  it("gives the same id to a tick that fires a moment early", async () => {
    const { client, handler, context } = setup("2026-12-04T16:29:59.600Z");
    await handler(tick(), context());
    expect(client.started[0]?.options?.instanceId).toBe("health-2026-12-04T16:30:00Z");
  });

  it("starts the next tick's run", async () => {
    const { client, handler, context, setNow } = setup("2026-12-04T16:30:00.100Z");
    await handler(tick(), context());
    setNow("2026-12-04T17:00:00.100Z");
    await handler(tick(), context());
    expect(client.started.map((start) => start.options?.instanceId)).toEqual([
      "health-2026-12-04T16:30:00Z",
      "health-2026-12-04T17:00:00Z",
    ]);
  });

  it("logs a past-due tick and runs it for the latest missed time", async () => {
    const { client, handler, context, lines } = setup("2026-12-04T16:47:13.000Z");
    await handler(tick(true), context());
    expect(client.started[0]?.options?.instanceId).toBe("health-2026-12-04T16:30:00Z");
    expect(lines.some((line) => line.level === "warning" && line.text.startsWith("HealthCheckTickPastDue"))).toBe(true);
  });

  it("logs and rethrows when the task hub fails", async () => {
    const { client, handler, context, lines } = setup("2026-12-04T16:30:00.100Z");
    client.getStatusError = new Error("task hub unavailable");
    await expect(handler(tick(), context())).rejects.toThrow("task hub unavailable");
    expect(lines.some((line) => line.level === "error" && line.text.includes("HealthCheckStartFailed"))).toBe(true);
  });
});
