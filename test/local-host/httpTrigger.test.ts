import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenApp, durableApp, freshAttemptsDir } from "./fixturePaths";
import { type SpawnedHost, hostMainFile, spawnHost } from "./spawnHost";

describe("HTTP triggers", () => {
  let host: SpawnedHost;

  beforeAll(async () => {
    host = await spawnHost({ appRoot: durableApp, env: { ATTEMPTS_DIR: freshAttemptsDir() } });
  });

  afterAll(async () => {
    await host?.stop();
  });

  it("prints one line per loaded function", () => {
    expect(host.output()).toMatch(
      /Echo: httpTrigger \[GET,POST,PUT\] http:\/\/localhost:\d+\/api\/echo\/\{id:int\}\/\{rest\?\}/,
    );
    expect(host.output()).toMatch(/Chain: orchestrationTrigger/);
    expect(host.output()).toMatch(/Tick: timerTrigger %TICK_SCHEDULE%/);
  });

  it("passes params, query, headers and body bytes", async () => {
    const body = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]);
    const response = await fetch(`${host.loopbackUrl}/api/echo/12/extra?x=1&tag=a&tag=b`, {
      method: "POST",
      headers: { "x-custom": "value" },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-echo")).toBe("yes");
    const json = (await response.json()) as Record<string, unknown>;
    expect(json.method).toBe("POST");
    expect(json.params).toEqual({ id: "12", rest: "extra" });
    expect(json.tags).toEqual(["a", "b"]);
    expect(json.header).toBe("value");
    expect(json.bodyLength).toBe(5);
    expect(json.bodyHex).toBe("deadbeef");
  });

  it("copies settings from local.settings.json into the environment", async () => {
    const response = await fetch(`${host.loopbackUrl}/api/echo/1`);
    expect(((await response.json()) as { greeting: string }).greeting).toBe("Hello");
  });

  it("sends cookies as Set-Cookie", async () => {
    const response = await fetch(`${host.loopbackUrl}/api/echo/1`);
    expect(response.headers.get("set-cookie")).toBe("session=abc; Path=/; HttpOnly");
  });

  it("returns 404 for unknown routes, methods and failed constraints", async () => {
    expect((await fetch(`${host.loopbackUrl}/api/nothing-here`)).status).toBe(404);
    expect((await fetch(`${host.loopbackUrl}/api/echo/1`, { method: "DELETE" })).status).toBe(404);
    expect((await fetch(`${host.loopbackUrl}/api/echo/not-a-number`)).status).toBe(404);
    expect((await fetch(`${host.loopbackUrl}/echo/1`)).status).toBe(404);
  });

  it("returns 500 when the function throws and logs the error", async () => {
    const response = await fetch(`${host.loopbackUrl}/api/throws`);
    expect(response.status).toBe(500);
    expect(host.output()).toMatch(
      /Executed 'Functions.Throws' \(Failed, Id=[\w-]+, Duration=\d+ms\): handler exploded/,
    );
  });

  it("runs app start and invocation hooks", async () => {
    const response = await fetch(`${host.loopbackUrl}/api/hooks`);
    const body = (await response.json()) as Record<string, boolean>;
    expect(body.appStarted).toBe(true);
    expect(body.preInvocation).toBe(true);
    expect(body.wrappedByHook).toBe(true);
  });

  it("logs context.warn lines with level and function name", async () => {
    await fetch(`${host.loopbackUrl}/api/echo/3`);
    expect(host.output()).toMatch(/\[Warning\] \[Function\.Echo\] echo called/);
  });

  it("rejects a declared body over 100 MB with 413", async () => {
    const port = Number(new URL(host.loopbackUrl).port);
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          "POST /api/echo/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 104857601\r\nConnection: close\r\n\r\n",
        );
      });
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString();
        if (received.includes("\r\n")) {
          resolve(received.split("\r\n")[0] ?? "");
          socket.destroy();
        }
      });
      socket.on("error", reject);
    });
    expect(status).toBe("HTTP/1.1 413 Payload Too Large");
  });
});

describe("app loading", () => {
  function runToExit(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [hostMainFile, ...args], { env: { ...process.env, ...env } });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => resolve({ code, output }));
    });
  }

  it("exits non-zero with the app's error when the app throws at import", async () => {
    const result = await runToExit(["--app", brokenApp, "--port", "0", "--data", freshAttemptsDir()]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("Failed to load the app: Missing required setting REQUIRED_SETTING.");
  });

  it("loads settings from an explicit settings file", async () => {
    const settingsFile = path.join(freshAttemptsDir(), "settings.json");
    writeFileSync(settingsFile, JSON.stringify({ Values: { REQUIRED_SETTING: "set" } }));
    const host = await spawnHost({ appRoot: brokenApp, settingsFile });
    try {
      const response = await fetch(`${host.loopbackUrl}/api/Hello`);
      expect(await response.text()).toBe("hello");
    } finally {
      await host.stop();
    }
  });

  it("stops cleanly on SIGTERM", async () => {
    const host = await spawnHost({ appRoot: durableApp, env: { ATTEMPTS_DIR: freshAttemptsDir() } });
    expect(await host.stop()).toBe(0);
    expect(host.output()).toContain("Host stopped.");
  });
});
