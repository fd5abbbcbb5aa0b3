/**
 * `npm start`: runs the local Functions host with the app and, unless live Graph settings are configured, the Graph
 * emulator beside it. Durable state is kept in `.data/local-host` and the emulator's tenants in
 * `.data/emulator/state.json`, so an interrupted onboarding resumes on the next start. When `AzureWebJobsStorage` is `UseDevelopmentStorage=true`, Azurite's table service runs on 127.0.0.1:10002
 * with its data in `.data/azurite`, so the tenant-pair registry survives restarts too. The children stop when this
 * process dies, even by kill -9: the emulator and the host when their stdin pipe closes, Azurite through a watchdog.
 */
import { join, resolve } from "node:path";

import { AZURITE_TABLE_PORT, startAzurite } from "./lib/azurite";
import { busyPortsMessage, findBusyPorts, type RequiredPort } from "./lib/busyPorts";
import { ChildSupervisor } from "./lib/childSupervisor";
import { ensureLocalSettings, readSettings, sampleSettingsFile, settingsFile } from "./lib/localSettings";
import { watchParents } from "./lib/parentWatch";
import { onboardingCurl } from "./lib/sampleRequest";
import { startChild } from "./lib/startChild";
import { startWatchdog } from "./lib/startWatchdog";

const appRoot = resolve(__dirname, "..", "..");
const defaultEmulatorUrl = "http://127.0.0.1:7072";
/** The local host's default port, which `npm start` does not change. */
const HOST_PORT = 7071;

async function main(): Promise<void> {
  if (ensureLocalSettings(appRoot)) {
    console.log(`Created ${settingsFile} from ${sampleSettingsFile}; edit it to change settings.`);
  }
  const values = readSettings(join(appRoot, settingsFile)).Values;
  const live = values["GRAPH_MODE"] === "live";
  // A server that exits on its own stops the rest, because the others are of no use without it: the registry routes
  // return 503 without Azurite, and every Graph call fails without the emulator.
  const supervisor = new ChildSupervisor({
    report: (message) => console.error(message),
    exit: (code) => process.exit(code),
  });
  process.once("SIGINT", () => void supervisor.shutdown(0));
  process.once("SIGTERM", () => void supervisor.shutdown(0));
  watchParents((description) => {
    console.error(`npm start is stopping because ${description}.`);
    void supervisor.shutdown(1);
  });

  const developmentStorage = values["AzureWebJobsStorage"]?.trim().toLowerCase() === "usedevelopmentstorage=true";
  const emulatorPort = new URL(values["GRAPH_BASE_URL"] ?? defaultEmulatorUrl).port || "7072";
  // Checked before anything starts, so that a leftover server gives one clear message instead of a failed start.
  const requiredPorts: RequiredPort[] = [];
  if (developmentStorage) requiredPorts.push({ port: AZURITE_TABLE_PORT, server: "Azurite's table service" });
  if (!live) requiredPorts.push({ port: Number(emulatorPort), server: "the Graph emulator" });
  requiredPorts.push({ port: HOST_PORT, server: "the Functions host" });
  const busy = await findBusyPorts(requiredPorts);
  if (busy.length > 0) {
    console.error(busyPortsMessage(busy));
    process.exit(1);
  }

  if (developmentStorage) {
    const azurite = await startAzurite({
      appRoot,
      port: AZURITE_TABLE_PORT,
      location: join(appRoot, ".data", "azurite"),
      echo: true,
    });
    supervisor.watch("Azurite's table service", azurite.child);
    // Azurite cannot watch its parent, so a watchdog stops it if this process dies without stopping it.
    const azuritePid = azurite.child.child.pid;
    if (azuritePid !== undefined) startWatchdog(appRoot, azuritePid, "SIGINT");
  }
  let emulatorUrl: string | undefined;
  if (!live) {
    const emulator = await startChild({
      name: "emulator",
      args: [
        join(appRoot, "dist", "emulator", "main.js"),
        ...["--port", emulatorPort, "--state-file", join(appRoot, ".data", "emulator", "state.json")],
        "--exit-on-stdin-close",
      ],
      stdinPipe: true,
      readyLine: /listening on (http:\/\/\S+)/,
      echo: true,
    });
    supervisor.watch("the Graph emulator", emulator);
    emulatorUrl = emulator.url;
  }
  const host = await startChild({
    name: "host",
    args: [join(appRoot, "dist", "local-host", "main.js"), "--app", appRoot, "--exit-on-stdin-close"],
    stdinPipe: true,
    readyLine: /listening on (http:\/\/\S+)/,
    echo: true,
    readyTimeoutMs: 60_000,
  });
  supervisor.watch("the Functions host", host);

  console.log("");
  console.log(`Functions host:  ${host.url}/api`);
  console.log(live ? "Graph:           live (GRAPH_MODE=live)" : `Graph emulator:  ${emulatorUrl}`);
  console.log(
    developmentStorage
      ? `Azurite tables:  http://127.0.0.1:${AZURITE_TABLE_PORT} (data in .data/azurite)`
      : "Storage:         AzureWebJobsStorage from local.settings.json",
  );
  if (!live) {
    console.log("");
    console.log('Onboard the sample pair (Tenant A -> Tenant B, group "All Employees") with:');
    console.log(onboardingCurl(host.url));
  }
  console.log("\nPress Ctrl+C to stop.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
