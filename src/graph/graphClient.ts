import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";

import { getSettings, type GraphSettings } from "../config/settings";
import { EmulatorCredential } from "./emulatorCredential";
import { GraphApi } from "./graphApi";
import { OriginAuthenticationHandler, TimeoutHandler } from "./middleware";
import { createTenantCredential, graphScope } from "./tenantCredential";

/** Base wait in seconds before a retry when Graph sends no `Retry-After`; the handler adds backoff and jitter. */
const RETRY_BASE_DELAY_SECONDS = 3;

const clients = new Map<string, GraphApi>();

/**
 * Builds a Graph client for one tenant. Middleware order: token for the configured origin, then retries of 429,
 * 503 and 504 responses (honouring `Retry-After`, else exponential backoff with jitter, at most `maxRetries`), then a
 * timeout per attempt, then fetch.
 */
export function buildGraphApi(settings: GraphSettings, tenant: string): GraphApi {
  const credential = createTenantCredential(settings, tenant);
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: [graphScope(settings)] });
  // NOTE: only the emulator's credential can drop its token. The identity library's credentials keep theirs until
  // they expire, so in live mode a 401 is returned as it is.
  const forgetToken = credential instanceof EmulatorCredential ? () => credential.forgetToken() : undefined;
  const client = Client.initWithMiddleware({
    baseUrl: settings.baseUrl,
    defaultVersion: settings.apiVersion,
    customHosts: new Set([new URL(settings.baseUrl).host]),
    middleware: [
      new OriginAuthenticationHandler(authProvider, settings.baseUrl, forgetToken),
      new RetryHandler(new RetryHandlerOptions(RETRY_BASE_DELAY_SECONDS, settings.maxRetries)),
      new TimeoutHandler(settings.requestTimeoutMs),
      new HTTPMessageHandler(),
    ],
  });
  return new GraphApi(tenant, client, `${settings.baseUrl}/${settings.apiVersion}`);
}

/**
 * Returns the Graph client for a tenant id or verified domain, configured from the app settings. Clients are reused
 * per tenant so that their tokens stay cached between activity runs.
 */
export function createGraphClient(tenant: string): GraphApi {
  const settings = getSettings().graph;
  const key = [settings.mode, settings.baseUrl, settings.apiVersion, settings.clientId, tenant.toLowerCase()].join("|");
  let api = clients.get(key);
  if (!api) {
    api = buildGraphApi(settings, tenant);
    clients.set(key, api);
  }
  return api;
}

/**
 * Per-attempt timeout of the quick clients. An HTTP starter must respond well within Azure's 230-second limit, so it
 * gets a short timeout and no in-client retries, whatever `GRAPH_REQUEST_TIMEOUT_MS` and `GRAPH_MAX_RETRIES` say.
 */
export const QUICK_REQUEST_TIMEOUT_MS = 4000;

const quickClients = new Map<string, GraphApi>();

/**
 * Returns a Graph client for requests made while an HTTP caller waits: no retries inside the client, and at most
 * `QUICK_REQUEST_TIMEOUT_MS` (or the configured timeout, if shorter) per attempt. The caller decides about retries.
 */
export function createQuickGraphClient(tenant: string): GraphApi {
  const settings = getSettings().graph;
  const key = [settings.mode, settings.baseUrl, settings.apiVersion, settings.clientId, tenant.toLowerCase()].join("|");
  let api = quickClients.get(key);
  if (!api) {
    const requestTimeoutMs = Math.min(settings.requestTimeoutMs, QUICK_REQUEST_TIMEOUT_MS);
    api = buildGraphApi({ ...settings, maxRetries: 0, requestTimeoutMs }, tenant);
    quickClients.set(key, api);
  }
  return api;
}

/** Drops the reused clients, e.g. after tests change the settings. */
export function clearGraphClients(): void {
  clients.clear();
  quickClients.clear();
}
