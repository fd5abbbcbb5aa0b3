import { parseArgs } from "node:util";
import { hostLog, toError } from "./core/log";
import { AppLoadError, type LocalHost, startLocalHost } from "./index";

const usage = `Usage: node dist/local-host/main.js [--app <folder>] [--port <number>] [--data <folder>] [--settings <file>]
  --app       app root with package.json and host.json (default: current folder)
  --port      TCP port on 127.0.0.1, 0 for any free port (default: 7071)
  --data      folder for durable state (default: <app>/.data/local-host)
  --settings  settings file whose Values become environment variables (default: <app>/local.settings.json)
  --exit-on-stdin-close
              stop when standard input closes, e.g. because the parent process died`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      app: { type: "string" },
      port: { type: "string" },
      data: { type: "string" },
      settings: { type: "string" },
      "exit-on-stdin-close": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const port = Number(values.port ?? 7071);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Invalid --port '${values.port}': expected an integer from 0 to 65535.\n${usage}\n`);
    return 2;
  }
  let host: LocalHost;
  try {
    host = await startLocalHost({
      appRoot: values.app ?? process.cwd(),
      port,
      dataDir: values.data,
      settingsFile: values.settings,
    });
  } catch (error) {
    const prefix = error instanceof AppLoadError ? "Failed to load the app" : "Failed to start the host";
    process.stderr.write(`${prefix}: ${toError(error).message}\n`);
    return 1;
  }
  const stopped = new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      hostLog("Information", `Received ${signal}; stopping.`);
      host.close().then(resolve, (error: unknown) => {
        hostLog("Error", `Stopping failed: ${toError(error).message}`);
        resolve();
      });
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
    if (values["exit-on-stdin-close"]) {
      // The parent keeps the pipe open and never writes; it closes when the parent exits, even by SIGKILL.
      process.stdin.once("end", () => stop("stdin close"));
      process.stdin.resume();
    }
  });
  // One write after the signal handlers, so a reader that finds the listening line also gets the function list.
  const lines = [`Functions host listening on ${host.url}`];
  for (const fn of host.functions) {
    lines.push(`  ${fn.name}: ${fn.trigger}${fn.route ? ` ${fn.route}` : ""}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  await stopped;
  hostLog("Information", "Host stopped.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Failed to start the host: ${toError(error).message}\n`);
    process.exit(1);
  },
);
