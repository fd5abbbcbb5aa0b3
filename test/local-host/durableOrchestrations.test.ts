import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DurableApi, type InstanceStatus } from "./durableApi";
import { durableApp, freshAttemptsDir } from "./fixturePaths";
import { type SpawnedHost, spawnHost, waitFor } from "./spawnHost";

const eventTypes = (events: Record<string, unknown>[] | undefined) => (events ?? []).map((event) => event.EventType);

describe("durable orchestrations", () => {
  let host: SpawnedHost;
  let api: DurableApi;
  let attemptsDir: string;

  const attempts = (key: string) =>
    readFileSync(path.join(attemptsDir, key), "utf8").split("\n").filter(Boolean).length;

  beforeAll(async () => {
    attemptsDir = freshAttemptsDir();
    host = await spawnHost({ appRoot: durableApp, env: { ATTEMPTS_DIR: attemptsDir } });
    api = new DurableApi(host.loopbackUrl);
  });

  afterAll(async () => {
    await host?.stop();
  });

  it("chains activities and keeps the custom status", async () => {
    const status = await api.runAndWait("Chain", "chain-1", "Oslo");
    expect(status.runtimeStatus).toBe("Completed");
    expect(status.output).toEqual(["Hello Tokyo!", "Hello Oslo!"]);
    expect(status.input).toBe("Oslo");
    expect(status.customStatus).toEqual({ step: 2 });
    expect(eventTypes(status.historyEvents)).toEqual([
      "ExecutionStarted",
      "TaskCompleted",
      "TaskCompleted",
      "ExecutionCompleted",
    ]);
    expect(status.historyEvents?.[1]?.FunctionName).toBe("Greet");
    expect(status.historyEvents?.[1]?.Result).toBe("Hello Tokyo!");
  });

  it("starts through the app's HTTP starter with management links", async () => {
    const response = await fetch(`${host.loopbackUrl}/api/start/Chain/starter-1`, { method: "POST" });
    expect(response.status).toBe(202);
    const payload = (await response.json()) as Record<string, string>;
    expect(payload.id).toBe("starter-1");
    // createCheckStatusResponse takes the origin of the incoming request.
    expect(payload.statusQueryGetUri).toMatch(
      new RegExp(
        `^${host.loopbackUrl}/runtime/webhooks/durabletask/instances/starter-1\\?taskHub=FixtureHub&connection=Storage&code=.+`,
      ),
    );
    expect(response.headers.get("location")).toBe(payload.statusQueryGetUri);
    const status = await api.waitForStatus("starter-1", ["Completed"]);
    expect(status.input).toBeNull();
    expect(status.output).toEqual(["Hello Tokyo!", "Hello Seattle!"]);
  });

  it("reads status through the durable client of the app", async () => {
    await api.runAndWait("Chain", "client-1");
    const response = await fetch(`${host.loopbackUrl}/api/client/client-1`);
    const status = (await response.json()) as Record<string, unknown>;
    expect(status.runtimeStatus).toBe("Completed");
    expect(status.output).toEqual(["Hello Tokyo!", "Hello Seattle!"]);
  });

  it("passes activity inputs with their JSON types", async () => {
    const status = await api.runAndWait("Inputs", "inputs-1");
    expect(status.output).toEqual([
      { input: "plain text", type: "string" },
      { input: 42, type: "number" },
      { input: { a: [1, 2] }, type: "object" },
    ]);
  });

  it("retries a failing activity until it succeeds", async () => {
    const status = await api.runAndWait("RetryActivity", "retry-1", { key: "retry-1", failures: 2, maxAttempts: 3 });
    expect(status.runtimeStatus).toBe("Completed");
    expect(status.output).toBe(3);
    expect(attempts("retry-1")).toBe(3);
    expect(eventTypes(status.historyEvents).filter((type) => type === "TaskFailed")).toHaveLength(2);
  });

  it("fails the orchestration when retries run out", async () => {
    const status = await api.runAndWait("RetryActivity", "retry-2", { key: "retry-2", failures: 5, maxAttempts: 2 });
    expect(status.runtimeStatus).toBe("Failed");
    expect(String(status.output)).toContain("attempt 2 of retry-2 failed");
    expect(attempts("retry-2")).toBe(2);
  });

  it("keeps numbering aligned with parallel retries", async () => {
    const status = await api.runAndWait("ParallelRetries", "parallel-1", { prefix: "parallel-1" });
    expect(status.runtimeStatus).toBe("Completed");
    expect(status.output).toEqual({ results: [3, 42, 2], after: 84 });

    // Stored history: every scheduling event has its own task id, counting from 0 without gaps.
    const db = new Database(path.join(host.dataDir, "durable.sqlite"), { readonly: true });
    const rows = db.prepare("SELECT event FROM history WHERE instance_id = ? ORDER BY position").all("parallel-1");
    db.close();
    const events = (rows as { event: string }[]).map(
      (row) => JSON.parse(row.event) as { EventType: number; EventId: number },
    );
    const scheduledIds = events.filter((event) => [4, 7, 10].includes(event.EventType)).map((event) => event.EventId);
    // 3 first calls, then a retry timer and a new attempt for each of 3 failures, then 1 final call: 10 ids.
    expect([...scheduledIds].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, id) => id));
    const episodesStarted = events.filter((event) => event.EventType === 12).length;
    const episodesCompleted = events.filter((event) => event.EventType === 13).length;
    expect(episodesStarted).toBe(episodesCompleted);
  });

  it("resumes after a durable timer at its fire time", async () => {
    const status = await api.runAndWait("Timer", "timer-1", { ms: 400 });
    const output = status.output as { started: string; resumed: string };
    const waited = Date.parse(output.resumed) - Date.parse(output.started);
    expect(waited).toBeGreaterThanOrEqual(400);
    expect(eventTypes(status.historyEvents)).toContain("TimerFired");
  });

  it("runs sub-orchestrations with default and explicit ids", async () => {
    const status = await api.runAndWait("Parent", "parent-1");
    expect(status.output).toEqual({
      byDefaultId: ["Hello Tokyo!", "Hello Paris!"],
      byExplicitId: ["Hello Tokyo!", "Hello Rome!"],
    });
    const child = await api.statusBody("parent-1-child");
    expect(child.runtimeStatus).toBe("Completed");
    const list = (await (await fetch(`${api.root}/instances?runtimeStatus=Completed`)).json()) as {
      instanceId: string;
    }[];
    expect(list.some((entry) => /^[0-9a-f]{32}:0$/.test(entry.instanceId))).toBe(true);
  });

  it("surfaces a failed sub-orchestration to the parent", async () => {
    const status = await api.runAndWait("FailingChild", "failing-child-1");
    expect(status.output).toEqual({ caught: true });
  });

  it("retries a failing sub-orchestration with a new child per attempt", async () => {
    const failedChildren = async () => {
      const list = (await (await fetch(`${api.root}/instances?runtimeStatus=Failed`)).json()) as InstanceStatus[];
      return list.filter((entry) => entry.name === "Failing" && entry.instanceId.includes(":"));
    };
    const before = (await failedChildren()).length;
    const status = await api.runAndWait("RetrySub", "retry-sub-1");
    expect(status.output).toEqual({ caught: true });
    const children = (await failedChildren()).slice(before);
    expect(children.map((child) => child.instanceId.split(":")[1])).toEqual(["0", "2"]);
  });

  it("fans out and in with Task.all", async () => {
    const status = await api.runAndWait("FanOut", "fan-1", 10);
    expect(status.output).toBe(110);
  });

  it("lets an external event win a race against a timer", async () => {
    await api.start("Race", "race-1", { ms: 10000 });
    await api.waitForStatus("race-1", ["Running"]);
    expect((await api.raise("race-1", "Approval", { by: "ops" })).status).toBe(202);
    const status = await api.waitForStatus("race-1", ["Completed"], 3000);
    expect(status.output).toEqual({ approved: { by: "ops" } });
  });

  it("lets the timer win a race without an event", async () => {
    const status = await api.runAndWait("Race", "race-2", { ms: 300 });
    expect(status.output).toBe("timed out");
  });

  it("shows custom status while waiting for an event", async () => {
    await api.start("WaitForGo", "wait-1");
    const waiting = await waitFor(async () => {
      const body = await api.statusBody("wait-1");
      return body.customStatus ? body : undefined;
    });
    expect(waiting.customStatus).toEqual({ stage: "waiting" });
    const response = await api.status("wait-1");
    expect(response.status).toBe(202);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("location")).toContain("/instances/wait-1?");
    await api.raise("wait-1", "Go", 7);
    const done = await api.waitForStatus("wait-1", ["Completed"]);
    expect(done.customStatus).toEqual({ stage: "done" });
    expect(done.output).toBe(7);
  });

  it("continues as new and carries unprocessed events", async () => {
    await api.start("Counter", "counter-1", { count: 0, events: 2 });
    await api.raise("counter-1", "Item", "one");
    await api.raise("counter-1", "Item", "two");
    const status = await api.waitForStatus("counter-1", ["Completed"]);
    expect(status.output).toEqual({ count: 3, received: ["one", "two"] });
    expect(status.input).toEqual({ count: 3, events: 2 });
  });

  it("records a failing orchestration with its error", async () => {
    const status = await api.runAndWait("Failing", "failing-1", "disk full");
    expect(status.runtimeStatus).toBe("Failed");
    expect(String(status.output)).toContain("Activity function 'Fail' failed: disk full");
    expect((await api.status("failing-1")).status).toBe(200);
    expect((await api.status("failing-1", "?returnInternalServerErrorOnFailure=true")).status).toBe(500);
  });
});

describe("durable management API", () => {
  let host: SpawnedHost;
  let api: DurableApi;

  beforeAll(async () => {
    host = await spawnHost({ appRoot: durableApp, env: { ATTEMPTS_DIR: freshAttemptsDir() } });
    api = new DurableApi(host.loopbackUrl);
  });

  afterAll(async () => {
    await host?.stop();
  });

  it("returns 404 for an unknown instance", async () => {
    expect((await api.status("missing")).status).toBe(404);
    expect((await api.post("missing", "terminate")).status).toBe(404);
    expect((await api.raise("missing", "Go", 1)).status).toBe(404);
  });

  it("advertises localhost URLs with the system key", async () => {
    const response = await api.start("Chain", "links-1");
    expect(response.status).toBe(202);
    expect(response.headers.get("retry-after")).toBe("10");
    const payload = (await response.json()) as Record<string, string>;
    expect(payload.statusQueryGetUri).toMatch(
      new RegExp(`^${host.url}/runtime/webhooks/durabletask/instances/links-1\\?`),
    );
    expect(payload.sendEventPostUri).toContain("/instances/links-1/raiseEvent/{eventName}?taskHub=FixtureHub");
    expect(payload.terminatePostUri).toContain("/instances/links-1/terminate?reason={text}&");
    expect(new URL(payload.statusQueryGetUri ?? "").searchParams.get("code")).toMatch(/^[\w-]{20,}$/);
  });

  it("rejects unknown orchestrators with 400", async () => {
    expect((await api.start("NoSuchOrchestrator", "x-1")).status).toBe(400);
  });

  it("answers 500 when the id of a running instance is reused", async () => {
    await api.start("WaitForGo", "dup-1");
    expect((await api.start("WaitForGo", "dup-1")).status).toBe(500);
    await api.post("dup-1", "terminate?reason=cleanup");
  });

  it("replaces a completed instance started again with its id", async () => {
    const first = await api.runAndWait("Chain", "again-1", "One");
    const second = await api.runAndWait("Chain", "again-1", "Two");
    expect(first.output).toEqual(["Hello Tokyo!", "Hello One!"]);
    expect(second.output).toEqual(["Hello Tokyo!", "Hello Two!"]);
  });

  it("terminates a running instance and then answers 410", async () => {
    await api.start("WaitForGo", "term-1");
    await api.waitForStatus("term-1", ["Running"]);
    expect((await api.post("term-1", "terminate?reason=no%20longer%20needed")).status).toBe(202);
    const status = await api.statusBody("term-1");
    expect(status.runtimeStatus).toBe("Terminated");
    expect(status.output).toBe("no longer needed");
    expect((await api.post("term-1", "terminate")).status).toBe(410);
    expect((await api.raise("term-1", "Go", 1)).status).toBe(410);
  });

  it("holds events while suspended and applies them on resume", async () => {
    await api.start("WaitForGo", "suspend-1");
    await api.waitForStatus("suspend-1", ["Running"]);
    expect((await api.post("suspend-1", "suspend?reason=pause")).status).toBe(202);
    expect((await api.statusBody("suspend-1")).runtimeStatus).toBe("Suspended");
    await api.raise("suspend-1", "Go", "late");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await api.statusBody("suspend-1")).runtimeStatus).toBe("Suspended");
    expect((await api.post("suspend-1", "resume?reason=go")).status).toBe(202);
    const status = await api.waitForStatus("suspend-1", ["Completed"]);
    expect(status.output).toBe("late");
  });

  it("answers 501 to rewind", async () => {
    await api.runAndWait("Failing", "rewind-1");
    expect((await api.post("rewind-1", "rewind?reason=retry")).status).toBe(501);
  });

  it("restarts an instance under a new id with the same input", async () => {
    await api.runAndWait("Chain", "restart-1", "Lima");
    const response = await api.post("restart-1", "restart");
    expect(response.status).toBe(202);
    const payload = (await response.json()) as { id: string };
    expect(payload.id).not.toBe("restart-1");
    const status = await api.waitForStatus(payload.id, ["Completed"]);
    expect(status.output).toEqual(["Hello Tokyo!", "Hello Lima!"]);
  });

  it("lists instances with filters and continuation tokens", async () => {
    for (const id of ["list-a", "list-b", "list-c"]) {
      await api.runAndWait("Chain", id);
    }
    const from = new Date(Date.now() - 60_000).toISOString();
    const pages: unknown[][] = [];
    let token = "";
    do {
      const response = await fetch(`${api.root}/instances?instanceIdPrefix=list-&top=2&createdTimeFrom=${from}`, {
        headers: token ? { "x-ms-continuation-token": token } : {},
      });
      expect(response.status).toBe(200);
      pages.push((await response.json()) as unknown[]);
      token = response.headers.get("x-ms-continuation-token") ?? "";
    } while (token);
    expect(pages.map((page) => page.length)).toEqual([2, 1]);

    const running = (await (
      await fetch(`${api.root}/instances?runtimeStatus=Running,Pending&instanceIdPrefix=list-`)
    ).json()) as unknown[];
    expect(running).toHaveLength(0);
    const future = new Date(Date.now() + 60_000).toISOString();
    const none = (await (await fetch(`${api.root}/instances?createdTimeFrom=${future}`)).json()) as unknown[];
    expect(none).toHaveLength(0);
  });

  it("purges one instance and then answers 404", async () => {
    await api.runAndWait("Chain", "purge-1");
    const response = await fetch(`${api.root}/instances/purge-1`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ instancesDeleted: 1 });
    expect((await api.status("purge-1")).status).toBe(404);
    expect((await fetch(`${api.root}/instances/purge-1`, { method: "DELETE" })).status).toBe(404);
  });

  it("purges ended instances in bulk but not running ones", async () => {
    await api.runAndWait("Chain", "bulk-1");
    await api.start("WaitForGo", "bulk-running");
    await api.waitForStatus("bulk-running", ["Running"]);
    const response = await fetch(`${api.root}/instances?runtimeStatus=Completed,Running`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { instancesDeleted: number }).instancesDeleted).toBeGreaterThanOrEqual(1);
    expect((await api.status("bulk-1")).status).toBe(404);
    expect((await api.status("bulk-running")).status).toBe(202);
  });

  it("serves the same API under the client's rpcBaseUrl", async () => {
    await api.runAndWait("Chain", "rpc-1");
    const response = await fetch(`${host.loopbackUrl}/durabletask/instances/rpc-1`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { runtimeStatus: string }).runtimeStatus).toBe("Completed");
  });
});
