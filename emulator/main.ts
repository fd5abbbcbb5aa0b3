import { parseArgs } from "node:util";
import { DEFAULT_EMULATOR_PORT, startEmulator } from "./server";

const USAGE = "Usage: node dist/emulator/main.js [--port N]   (or set EMULATOR_PORT; default 7072)";

function parsePort(): number {
  const { values } = parseArgs({ options: { port: { type: "string" }, help: { type: "boolean" } } });
  if (values.help === true) {
    console.log(USAGE);
    process.exit(0);
  }
  const text = values.port ?? process.env.EMULATOR_PORT ?? String(DEFAULT_EMULATOR_PORT);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new Error(`Invalid port '${text}': expected an integer from 0 to 65535. ${USAGE}`);
  }
  return port;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: parsePort() });
  console.log(`Graph emulator listening on ${emulator.url}`);
  const stop = (signal: string) => {
    console.log(`Graph emulator stopping on ${signal}`);
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
}

main().catch((error: unknown) => {
  console.error(`Graph emulator failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
