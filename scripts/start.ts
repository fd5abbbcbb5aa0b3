/**
 * `npm start`: runs the local Functions host with the app and, unless live Graph settings are configured, the Graph
 * emulator beside it. Durable state is kept in `.data/local-host`, so an interrupted onboarding resumes on the next
 * start. When `AzureWebJobsStorage` is `UseDevelopmentStorage=true`, Azurite's table service runs on 127.0.0.1:10002
 * with its data in `.data/azurite`, so the tenant-pair registry survives restarts too.
 */
import { join, resolve } from "node:path";

import { AZURITE_TABLE_PORT, startAzurite } from "./lib/azurite";
import { ensureLocalSettings, readSettings, sampleSettingsFile, settingsFile } from "./lib/localSettings";
import { onboardingCurl } from "./lib/sampleRequest";
import { startChild, type RunningChild } from "./lib/startChild";

const appRoot = resolve(__dirname, "..", "..");
const defaultEmulatorUrl = "http://127.0.0.1:7072";

async function main(): Promise<void> {
  if (ensureLocalSettings(appRoot)) {
    console.log(`Created ${settingsFile} from ${sampleSettingsFile}; edit it to change settings.`);
  }
  const values = readSettings(join(appRoot, settingsFile)).Values;
  const live = values["GRAPH_MODE"] === "live";
  const children: RunningChild[] = [];

  let stopping = false;
  const shutdown = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map((child) => child.stop()));
    process.exit(exitCode);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  const developmentStorage = values["AzureWebJobsStorage"]?.trim().toLowerCase() === "usedevelopmentstorage=true";
  if (developmentStorage) {
    const azurite = await startAzurite({
      appRoot,
      port: AZURITE_TABLE_PORT,
      location: join(appRoot, ".data", "azurite"),
      echo: true,
    });
    children.push(azurite.child);
  }
  let emulatorUrl: string | undefined;
  if (!live) {
    const emulatorPort = new URL(values["GRAPH_BASE_URL"] ?? defaultEmulatorUrl).port || "7072";
    const emulator = await startChild({
      name: "emulator",
      args: [join(appRoot, "dist", "emulator", "main.js"), "--port", emulatorPort],
      readyLine: /listening on (http:\/\/\S+)/,
      echo: true,
    });
    children.push(emulator);
    emulatorUrl = emulator.url;
  }
  const host = await startChild({
    name: "host",
    args: [join(appRoot, "dist", "local-host", "main.js"), "--app", appRoot],
    readyLine: /listening on (http:\/\/\S+)/,
    echo: true,
    readyTimeoutMs: 60_000,
  });
  children.push(host);
  host.child.once("exit", (code) => {
    if (stopping) return;
    console.error(`The Functions host stopped (exit code ${code}).`);
    void shutdown(1);
  });

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
    console.log("Onboard the sample pair (Tenant A -> Tenant B, group \"All Employees\") with:");
    console.log(onboardingCurl(host.url));
  }
  console.log("\nPress Ctrl+C to stop.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
