import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";

import { kindForTokenStatus } from "./graphErrors";
import { GraphRequestError } from "./graphRequestError";

export interface EmulatorCredentialOptions {
  /** Base URL of the Graph emulator, which also serves the token endpoint. */
  baseUrl: string;
  /** Tenant id or verified domain name. */
  tenant: string;
  clientId: string;
  clientSecret: string;
  requestTimeoutMs: number;
}

interface TokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

// A cached token is renewed this long before it expires, or at half its lifetime when that is shorter.
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Client-credentials token source for the Graph emulator, which serves the OAuth 2.0 token endpoint at
 * `{baseUrl}/{tenant}/oauth2/v2.0/token`. Tokens are cached until shortly before they expire, and concurrent callers
 * share one pending request.
 */
export class EmulatorCredential implements TokenCredential {
  readonly #options: EmulatorCredentialOptions;
  #cached: AccessToken | undefined;
  #pending: Promise<AccessToken> | undefined;

  constructor(options: EmulatorCredentialOptions) {
    this.#options = options;
  }

  /** Drops the cached token, so that the next `getToken` requests a new one. */
  forgetToken(): void {
    this.#cached = undefined;
  }

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const cached = this.#cached;
    if (cached && Date.now() < (cached.refreshAfterTimestamp ?? cached.expiresOnTimestamp)) {
      return cached;
    }
    this.#pending ??= this.#requestToken(scopes, options).finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #requestToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
    const { baseUrl, tenant, clientId, clientSecret, requestTimeoutMs } = this.#options;
    const path = `/${encodeURIComponent(tenant)}/oauth2/v2.0/token`;
    const body = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: (Array.isArray(scopes) ? scopes : [scopes]).join(" "),
    });
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    const callerSignal = options?.abortSignal;
    const signal = callerSignal instanceof AbortSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
    const response = await fetch(`${baseUrl}${path}`, { method: "POST", body, signal });
    const payload = (await response.json().catch(() => ({}))) as TokenResponse;
    if (!response.ok || typeof payload.access_token !== "string") {
      throw tokenRequestError(response, payload, path);
    }
    const lifetimeMs = Number(payload.expires_in) * 1000;
    const now = Date.now();
    const validMs = Number.isFinite(lifetimeMs) && lifetimeMs > 0 ? lifetimeMs : 0;
    const token: AccessToken = {
      token: payload.access_token,
      expiresOnTimestamp: now + validMs,
      refreshAfterTimestamp: now + Math.max(0, validMs - Math.min(REFRESH_MARGIN_MS, validMs / 2)),
      tokenType: "Bearer",
    };
    this.#cached = token;
    return token;
  }
}

function tokenRequestError(response: Response, payload: TokenResponse, path: string): GraphRequestError {
  let code = response.ok ? "invalid_response" : "token_error";
  if (typeof payload.error === "string") {
    code = payload.error;
  }
  // Entra appends trace and correlation ids on further lines; the first line contains the AADSTS code and the reason.
  const description =
    typeof payload.error_description === "string"
      ? (payload.error_description.split(/\r?\n/)[0] ?? "")
      : "no access token in the response";
  const requestId = response.headers.get("request-id") ?? undefined;
  return new GraphRequestError({
    kind: response.ok ? "unknown" : kindForTokenStatus(response.status),
    status: response.status,
    code,
    ...(requestId ? { requestId } : {}),
    method: "POST",
    path,
    graphMessage: `Token request failed: ${description}`,
  });
}
