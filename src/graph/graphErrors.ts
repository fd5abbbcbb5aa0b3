import { GraphClientError, GraphError } from "@microsoft/microsoft-graph-client";

import { GraphErrorKind, GraphRequestError, GraphRequestErrorDetails } from "./graphRequestError";

/** The request that failed, as the caller named it. */
export interface FailedRequest {
  method: string;
  path: string;
}

/** Maps the HTTP status of a Graph response to the kind of failure. */
export function kindForStatus(status: number | undefined): GraphErrorKind {
  if (status === undefined) {
    return "unknown";
  }
  if (status === 429 || status === 500 || status === 502 || status === 503 || status === 504) {
    return "transient";
  }
  if (status === 409) {
    return "conflict";
  }
  if (status === 404) {
    return "notFound";
  }
  if (status === 401 || status === 403) {
    return "forbidden";
  }
  if (status >= 400 && status < 500) {
    return "invalid";
  }
  return "unknown";
}

/**
 * Maps the status of a failed token request. The token endpoint returns 400 (`invalid_client`, `unauthorized_client`)
 * or 401 for credentials it does not accept, which no retry fixes, so those count as `forbidden`.
 */
export function kindForTokenStatus(status: number): GraphErrorKind {
  return status === 400 || status === 401 ? "forbidden" : kindForStatus(status);
}

const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** Failures of fetch itself: undici throws `TypeError: fetch failed` with the socket error as its cause. */
function networkCause(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = errorCodeOf(current);
    if (code !== undefined && NETWORK_ERROR_CODES.has(code)) {
      return code;
    }
    current = current.cause;
  }
  return error instanceof TypeError && error.message === "fetch failed" ? "fetch failed" : undefined;
}

/**
 * Reads a `Retry-After` header (RFC 9110): whole seconds, or an HTTP date that is turned into the seconds from `now`,
 * rounded up. Returns undefined for a missing or unreadable value.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function fromGraphError(error: GraphError, request: FailedRequest): GraphRequestErrorDetails {
  const status = error.statusCode > 0 ? error.statusCode : undefined;
  const details: GraphRequestErrorDetails = {
    kind: kindForStatus(status),
    code: error.code ?? (status === undefined ? "NoResponse" : `Http${status}`),
    ...request,
    graphMessage: error.message || "Graph returned no message",
  };
  if (status !== undefined) {
    details.status = status;
  }
  const requestId = error.requestId ?? error.headers?.get("request-id") ?? undefined;
  if (requestId) {
    details.requestId = requestId;
  }
  const retryAfterSeconds = parseRetryAfter(error.headers?.get("retry-after") ?? null, Date.now());
  if (retryAfterSeconds !== undefined) {
    details.retryAfterSeconds = retryAfterSeconds;
  }
  return details;
}

/** `AuthenticationError` of `@azure/identity`: the token endpoint's status and OAuth error code. */
function fromIdentityError(error: Error, request: FailedRequest): GraphRequestErrorDetails | undefined {
  if (error.name !== "AuthenticationError" || !("statusCode" in error) || typeof error.statusCode !== "number") {
    return undefined;
  }
  const response = "errorResponse" in error ? (error.errorResponse as { error?: string } | undefined) : undefined;
  return {
    kind: kindForTokenStatus(error.statusCode),
    status: error.statusCode,
    code: response?.error ?? "AuthenticationError",
    ...request,
    graphMessage: `Token request failed: ${error.message}`,
  };
}

function toDetails(error: unknown, request: FailedRequest): GraphRequestErrorDetails {
  if (isTimeout(error)) {
    return { kind: "transient", code: "Timeout", ...request, graphMessage: "The request timed out." };
  }
  const network = networkCause(error);
  if (network !== undefined) {
    return { kind: "transient", code: "NetworkError", ...request, graphMessage: `The request failed: ${network}.` };
  }
  if (error instanceof GraphError) {
    return fromGraphError(error, request);
  }
  if (error instanceof Error) {
    const identity = fromIdentityError(error, request);
    if (identity !== undefined) {
      return identity;
    }
    if (error.name === "CredentialUnavailableError") {
      return { kind: "forbidden", code: "CredentialUnavailable", ...request, graphMessage: error.message };
    }
    return { kind: "unknown", code: error.name || "Error", ...request, graphMessage: error.message };
  }
  return { kind: "unknown", code: "Error", ...request, graphMessage: String(error) };
}

/**
 * Maps any failure of a Graph request (Graph error response, token failure, network failure, timeout) to a
 * `GraphRequestError`. The Graph client wraps failures raised inside its middleware in `GraphClientError.customError`,
 * so the original failure is unwrapped first. The original error is kept as `cause`.
 */
export function toGraphRequestError(error: unknown, request: FailedRequest): GraphRequestError {
  if (error instanceof GraphRequestError) {
    return error;
  }
  if (error instanceof GraphClientError && error.customError !== undefined) {
    return toGraphRequestError(error.customError, request);
  }
  return new GraphRequestError(toDetails(error, request), { cause: error });
}
