import { createServer } from "node:net";
import { join } from "node:path";

import { startChild, type RunningChild } from "./startChild";

/** Azurite's development account and its key, which Microsoft publishes for local use only; it guards no data. */
export const AZURITE_ACCOUNT_NAME = "devstoreaccount1";
export const AZURITE_ACCOUNT_KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
/** The port `UseDevelopmentStorage=true` points the Table client at. */
export const AZURITE_TABLE_PORT = 10002;

export interface AzuriteOptions {
  appRoot: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Folder for the table data; absent means in-memory data, lost when Azurite stops. */
  location?: string;
  echo?: boolean;
}

export interface RunningAzurite {
  port: number;
  /** Explicit connection string of the table endpoint, as the app's `AzureWebJobsStorage`. */
  connectionString: string;
  child: RunningChild;
  stop(): Promise<void>;
}

/** Returns the connection string of Azurite's table service on 127.0.0.1 at `port`. */
export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT_NAME};AccountKey=${AZURITE_ACCOUNT_KEY};` +
    `TableEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT_NAME};`
  );
}

/**
 * Starts Azurite's table service (the `azurite` dev dependency) as a child process on 127.0.0.1 and waits until it
 * responds to HTTP. Telemetry is turned off, because Azurite would otherwise send usage data to Azure.
 */
export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  if (options.port !== 0) {
    return startAzuriteOnPort(options, options.port);
  }
  // A free port can be taken between the check and Azurite's start, so a failed start is tried on another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startAzuriteOnPort(options, await findFreePort());
    } catch (error) {
      if (attempt >= 3) {
        throw error;
      }
    }
  }
}

async function startAzuriteOnPort(options: AzuriteOptions, port: number): Promise<RunningAzurite> {
  const storage = options.location === undefined ? ["--inMemoryPersistence"] : ["--location", options.location];
  const child = await startChild({
    name: "azurite",
    args: [
      join(options.appRoot, "node_modules", "azurite", "dist", "src", "table", "main.js"),
      ...["--tableHost", "127.0.0.1", "--tablePort", String(port)],
      ...storage,
      ...["--skipApiVersionCheck", "--disableTelemetry", "--silent"],
    ],
    readyLine: /Table service successfully started on (\S+)/,
    echo: options.echo ?? false,
    // Azurite closes its database cleanly on SIGINT only, so on-disk data written just before the stop is kept.
    stopSignal: "SIGINT",
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT_NAME}/Tables`);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { port, connectionString: azuriteConnectionString(port), child, stop: () => child.stop() };
}

/** Returns a port that was free on 127.0.0.1 a moment ago. Another process could take it before Azurite does. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until any HTTP response arrives, for at most ten seconds. */
async function waitForHttp(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`Azurite did not respond at ${url} within 10 s.`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
