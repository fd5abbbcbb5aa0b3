import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_EMULATOR_PORT, startEmulator } from "./server";

const USAGE = `Usage: node dist/emulator/main.js [--port N] [--state-file PATH] [--exit-on-stdin-close]
  --port                  TCP port on 127.0.0.1 (or set EMULATOR_PORT; default ${DEFAULT_EMULATOR_PORT})
  --state-file            JSON file that keeps the tenants across restarts (default: in-memory only)
  --exit-on-stdin-close   stop when standard input closes, e.g. because the parent process died`;

interface CommandLine {
  port: number;
  stateFile: string | undefined;
  exitOnStdinClose: boolean;
}

function parseCommandLine(): CommandLine {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "state-file": { type: "string" },
      "exit-on-stdin-close": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    process.exit(0);
  }
  const text = values.port ?? process.env.EMULATOR_PORT ?? String(DEFAULT_EMULATOR_PORT);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new Error(`Invalid port '${text}': expected an integer from 0 to 65535.\n${USAGE}`);
  }
  const stateFile = values["state-file"];
  if (stateFile === "") {
    throw new Error(`Invalid --state-file: expected a file path.\n${USAGE}`);
  }
  return {
    port,
    stateFile: stateFile === undefined ? undefined : resolve(stateFile),
    exitOnStdinClose: values["exit-on-stdin-close"] === true,
  };
}

async function main(): Promise<void> {
  const commandLine = parseCommandLine();
  const emulator = await startEmulator({ port: commandLine.port, stateFile: commandLine.stateFile });
  console.log(`Graph emulator listening on ${emulator.url}`);
  if (commandLine.stateFile !== undefined) {
    console.log(`Graph emulator state file: ${commandLine.stateFile}`);
  }
  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`Graph emulator stopping on ${reason}`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Graph emulator failed to stop cleanly:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  if (commandLine.exitOnStdinClose) {
    // The parent keeps the pipe open and never writes; the pipe closes when the parent exits, even by SIGKILL.
    process.stdin.on("close", () => stop("stdin close"));
    process.stdin.on("end", () => stop("stdin close"));
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  console.error(`Graph emulator failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
