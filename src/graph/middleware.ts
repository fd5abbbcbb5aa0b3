import { randomUUID } from "node:crypto";

import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";
import { GraphClientError } from "@microsoft/microsoft-graph-client";

type HeaderMap = Record<string, string>;

function requestUrl(context: Context): string {
  return typeof context.request === "string" ? context.request : context.request.url;
}

function headersOf(context: Context): HeaderMap {
  const options = (context.options ??= {});
  options.headers ??= {};
  return options.headers as HeaderMap;
}

/**
 * Wraps a failure raised inside the middleware chain so that the Graph client passes it through unchanged: it
 * rethrows `GraphClientError` as it is but turns any other error into a `GraphError`, which drops its cause.
 */
function passThrough(error: unknown): GraphClientError {
  const wrapped = new GraphClientError(error instanceof Error ? error.message : String(error));
  wrapped.customError = error;
  return wrapped;
}

/**
 * Attaches the bearer token to requests for the configured Graph origin and removes it from any other.
 *
 * NOTE: the client's own AuthenticationHandler (graph-client 3.0.7) recognises Graph and `customHosts` URLs only when
 * they start with `https://`, so it would send no token to the emulator's `http://127.0.0.1` address. Matching on the
 * full origin (scheme, host and port) is also stricter than matching on the host name.
 */
export class OriginAuthenticationHandler implements Middleware {
  readonly #provider: AuthenticationProvider;
  readonly #origin: string;
  #next: Middleware | undefined;

  readonly #forgetToken: (() => void) | undefined;

  /**
   * @param forgetToken drops the cached token. When given, a 401 response is retried once with a new token, which
   * covers tokens that the issuer stopped accepting before they expired (e.g. after the emulator restarted).
   */
  constructor(provider: AuthenticationProvider, baseUrl: string, forgetToken?: () => void) {
    this.#provider = provider;
    this.#origin = new URL(baseUrl).origin;
    this.#forgetToken = forgetToken;
  }

  async execute(context: Context): Promise<void> {
    const headers = headersOf(context);
    delete headers["Authorization"];
    headers["client-request-id"] ??= randomUUID();
    if (new URL(requestUrl(context)).origin !== this.#origin) {
      await this.#next?.execute(context);
      return;
    }
    headers["Authorization"] = `Bearer ${await this.#token()}`;
    await this.#next?.execute(context);
    if (context.response?.status === 401 && this.#forgetToken) {
      this.#forgetToken();
      headers["Authorization"] = `Bearer ${await this.#token()}`;
      await this.#next?.execute(context);
    }
  }

  async #token(): Promise<string> {
    try {
      return await this.#provider.getAccessToken();
    } catch (error) {
      throw passThrough(error);
    }
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }
}

/**
 * Gives each attempt its own deadline. It sits after the retry handler, so that a retry gets a fresh timeout and the
 * wait before a retry does not count. A timeout or network failure ends the request without an in-client retry.
 */
export class TimeoutHandler implements Middleware {
  readonly #timeoutMs: number;
  #next: Middleware | undefined;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    options.signal = AbortSignal.timeout(this.#timeoutMs);
    try {
      await this.#next?.execute(context);
    } catch (error) {
      throw passThrough(error);
    }
  }

  setNext(next: Middleware): void {
    this.#next = next;
  }
}
