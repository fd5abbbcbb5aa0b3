import { afterEach, describe, expect, it } from "vitest";

import { ChildSupervisor, unexpectedExitMessage } from "../../scripts/lib/childSupervisor";
import { startChild, stopChild, type RunningChild } from "../../scripts/lib/startChild";

const started: RunningChild[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((running) => stopChild(running.child, "SIGKILL")));
});

/** Starts a Node process that prints a ready line, then runs `script`. Without a script it runs until stopped. */
async function startDummy(name: string, script = "setInterval(() => {}, 1000);"): Promise<RunningChild> {
  const running = await startChild({
    name,
    args: ["-e", `console.log("listening on http://127.0.0.1:1"); ${script}`],
    readyLine: /listening on (http:\/\/\S+)/,
  });
  started.push(running);
  return running;
}

function hasExited(running: RunningChild): boolean {
  return running.child.exitCode !== null || running.child.signalCode !== null;
}

/** Returns a supervisor whose reports and exit code are recorded, and a promise of that exit code. */
function recordingSupervisor() {
  const reports: string[] = [];
  let resolveExit: (code: number) => void = () => {};
  const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
  const supervisor = new ChildSupervisor({ report: (message) => reports.push(message), exit: resolveExit });
  return { supervisor, reports, exitCode };
}

describe("unexpectedExitMessage", () => {
  it("names the server and exit code", () => {
    expect(unexpectedExitMessage("Azurite's table service", 3, null)).toBe(
      "npm start is stopping because Azurite's table service exited with code 3.",
    );
  });

  it("names the signal", () => {
    expect(unexpectedExitMessage("the Graph emulator", null, "SIGKILL")).toBe(
      "npm start is stopping because the Graph emulator was killed by SIGKILL.",
    );
  });
});

describe("ChildSupervisor", () => {
  it("stops the others after an exit", async () => {
    const { supervisor, reports, exitCode } = recordingSupervisor();
    const failing = await startDummy("failing", "setTimeout(() => process.exit(3), 200);");
    const healthy = await startDummy("healthy");
    supervisor.watch("Azurite's table service", failing);
    supervisor.watch("the Functions host", healthy);

    expect(await exitCode).toBe(1);
    expect(reports).toEqual(["npm start is stopping because Azurite's table service exited with code 3."]);
    expect(hasExited(healthy)).toBe(true);
    expect(supervisor.stopping).toBe(true);
  });

  it("reports a child killed by a signal", async () => {
    const { supervisor, reports, exitCode } = recordingSupervisor();
    const killed = await startDummy("killed");
    const healthy = await startDummy("healthy");
    supervisor.watch("the Graph emulator", killed);
    supervisor.watch("the Functions host", healthy);
    killed.child.kill("SIGKILL");

    expect(await exitCode).toBe(1);
    expect(reports).toEqual(["npm start is stopping because the Graph emulator was killed by SIGKILL."]);
    expect(hasExited(healthy)).toBe(true);
  });

  it("reports a child that exited before watch", async () => {
    const { supervisor, reports, exitCode } = recordingSupervisor();
    const early = await startDummy("early", "process.exit(2);");
    await new Promise<void>((resolve) => (hasExited(early) ? resolve() : early.child.once("exit", () => resolve())));
    supervisor.watch("the Graph emulator", early);

    expect(await exitCode).toBe(1);
    expect(reports).toEqual(["npm start is stopping because the Graph emulator exited with code 2."]);
  });

  it("shutdown stops children without a report", async () => {
    const { supervisor, reports, exitCode } = recordingSupervisor();
    const first = await startDummy("first");
    const second = await startDummy("second");
    supervisor.watch("the Graph emulator", first);
    supervisor.watch("the Functions host", second);

    await supervisor.shutdown(0);

    expect(await exitCode).toBe(0);
    expect(hasExited(first)).toBe(true);
    expect(hasExited(second)).toBe(true);
    expect(reports).toEqual([]);
  });

  it("ignores a second shutdown", async () => {
    const exitCodes: number[] = [];
    const supervisor = new ChildSupervisor({ report: () => {}, exit: (code) => exitCodes.push(code) });
    supervisor.watch("the Functions host", await startDummy("host"));

    await Promise.all([supervisor.shutdown(0), supervisor.shutdown(1)]);

    expect(exitCodes).toEqual([0]);
  });
});
