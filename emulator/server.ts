import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdminRequest } from "./admin/adminApi";
import { AdminError } from "./admin/adminResult";
import { issueToken } from "./auth/tokenEndpoint";
import { handleGraphRequest } from "./http/graphPipeline";
import { StatePersistence } from "./persistence/statePersistence";
import { Router, splitPath } from "./http/router";
import { ProvisioningEngine } from "./provisioning/provisioningEngine";
import { allGraphRoutes } from "./routes/allRoutes";
import { parseSettingsPatch, type EmulatorSettings } from "./settings";
import { EmulatorState } from "./state/emulatorState";
import type { EmulatorServices } from "./state/services";

export type { EmulatorSettings } from "./settings";

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 7072. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Settings at start, also restored by `POST /_emulator/reset`. */
  settings?: Partial<EmulatorSettings>;
  /**
   * JSON file that keeps the directory across restarts: loaded at start if it exists, and rewritten after the route
   * handler of every request other than GET (before any `when: "after"` fault delays the response), after every sync
   * cycle and on `close`. Absent means in-memory state only.
   */
  stateFile?: string;
}

export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:7072`. */
  url: string;
  port: number;
  /** Stops timers, writes the state file if there is one, and stops the server, closing open connections. */
  close(): Promise<void>;
}

export const DEFAULT_EMULATOR_PORT = 7072;
export const DEFAULT_EMULATOR_HOST = "127.0.0.1";

/** Largest request body the emulator reads. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const GRAPH_PATH = /^\/(v1\.0|beta)(\/.*)?$/;
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const JSON_TYPE = "application/json; charset=utf-8";

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`The request body exceeds ${MAX_BODY_BYTES} bytes.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const hasBody = body !== undefined && status !== 204;
  response.writeHead(status, hasBody ? { ...headers, "content-type": JSON_TYPE } : headers);
  response.end(hasBody ? JSON.stringify(body) : undefined);
}

async function dispatch(
  services: EmulatorServices,
  router: Router,
  request: IncomingMessage,
  response: ServerResponse,
  fallbackHost: string,
  persistence: StatePersistence | undefined,
) {
  const host = request.headers.host ?? fallbackHost;
  const url = new URL(request.url ?? "/", `http://${host}`);
  const method = (request.method ?? "GET").toUpperCase();
  const body = await readBody(request);
  const graphMatch = GRAPH_PATH.exec(url.pathname);
  if (graphMatch !== null) {
    // The pipeline saves as soon as the route handler has run, before a `when: "after"` fault delays the response.
    const saveChange = persistence === undefined ? undefined : () => persistence.save();
    const graphRequest = {
      method,
      version: graphMatch[1] ?? "v1.0",
      path: graphMatch[2] ?? "/",
      query: url.searchParams,
      headers: request.headers,
      body,
      baseUrl: `http://${host}`,
    };
    const answer = await handleGraphRequest(services, router, graphRequest, saveChange);
    send(response, answer.status, answer.headers, answer.body);
    return;
  }
  const tokenMatch = TOKEN_PATH.exec(url.pathname);
  if (tokenMatch !== null && method === "POST") {
    const answer = issueToken(services.state, decodeURIComponent(tokenMatch[1] ?? ""), body);
    send(response, answer.status, { "cache-control": "no-store" }, answer.body);
    return;
  }
  const segments = splitPath(url.pathname) ?? [];
  if (segments[0] === "_emulator") {
    try {
      const answer = handleAdminRequest(services, method, segments.slice(1), body);
      // Saving before the response means that a client that got one can rely on the change surviving a kill -9.
      if (method !== "GET") {
        persistence?.save();
      }
      send(response, answer.status, {}, answer.body);
    } catch (error) {
      if (!(error instanceof AdminError)) {
        throw error;
      }
      send(response, error.status, {}, { error: { code: "EmulatorAdminError", message: error.message } });
    }
    return;
  }
  const message = `No route for ${method} ${url.pathname}. Graph paths start with /v1.0 or /beta.`;
  send(response, 404, {}, { error: { code: "NotFound", message } });
}

/**
 * Starts the Graph emulator with the tenants of `options.stateFile`, or with fresh fixture tenants when there is no such
 * file.
 * @throws StateFileError when the state file exists but cannot be used.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? DEFAULT_EMULATOR_HOST;
  const state = new EmulatorState(parseSettingsPatch(options.settings ?? {}));
  let persistence: StatePersistence | undefined;
  const engine = new ProvisioningEngine(state, () => persistence?.save());
  const services: EmulatorServices = { state, scheduler: engine };
  if (options.stateFile !== undefined) {
    persistence = new StatePersistence(options.stateFile, services);
    persistence.load();
  }
  const router = new Router(allGraphRoutes);
  const server = createServer((request, response) => {
    dispatch(services, router, request, response, host, persistence).catch((error: unknown) => {
      console.error(`Graph emulator: failed to respond to ${request.method} ${request.url}:`, error);
      if (!response.headersSent) {
        const message = "The emulator failed to process the request.";
        send(response, 500, {}, { error: { code: "InternalServerError", message } });
      } else {
        response.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_EMULATOR_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      engine.cancelAll();
      // Every change is saved when it happens, so this last write matters only after a save that failed.
      let saveError: unknown;
      try {
        persistence?.save();
      } catch (error) {
        saveError = error;
      }
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      if (saveError !== undefined) {
        throw saveError;
      }
    },
  };
}
