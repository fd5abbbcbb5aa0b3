import { formatGraphError } from "./graphErrorText";

/**
 * How a caller should treat a failed Graph request. A `transient` failure may succeed when retried later. The others
 * persist until the state or the input changes.
 */
export type GraphErrorKind = "transient" | "conflict" | "notFound" | "forbidden" | "invalid" | "unknown";

export const GRAPH_ERROR_KINDS: readonly GraphErrorKind[] = [
  "transient",
  "conflict",
  "notFound",
  "forbidden",
  "invalid",
  "unknown",
];

export interface GraphRequestErrorDetails {
  kind: GraphErrorKind;
  /** HTTP status, absent when no response arrived (timeout, network failure). */
  status?: number;
  /** Graph's `error.code`, or a code of this service such as `Timeout` or `NetworkError`. */
  code: string;
  requestId?: string;
  method: string;
  /** Request path without the query string, e.g. `/servicePrincipals/{id}`. */
  path: string;
  /** Graph's `error.message`, or a description of the failure when Graph gave none. */
  graphMessage: string;
  /** Seconds to wait before trying again, from the response's `Retry-After` header. */
  retryAfterSeconds?: number;
}

/**
 * A failed Graph or token request. Its message has the one-line form of `formatGraphError`, which the orchestrator
 * parses back, so it must hold no secret or token.
 */
export class GraphRequestError extends Error implements GraphRequestErrorDetails {
  readonly kind: GraphErrorKind;
  readonly status?: number;
  readonly code: string;
  readonly requestId?: string;
  readonly method: string;
  readonly path: string;
  readonly graphMessage: string;
  readonly retryAfterSeconds?: number;

  constructor(details: GraphRequestErrorDetails, options?: { cause?: unknown }) {
    super(formatGraphError(details), options);
    this.name = "GraphRequestError";
    this.kind = details.kind;
    if (details.status !== undefined) {
      this.status = details.status;
    }
    this.code = details.code;
    if (details.requestId !== undefined) {
      this.requestId = details.requestId;
    }
    this.method = details.method;
    this.path = details.path;
    this.graphMessage = details.graphMessage;
    if (details.retryAfterSeconds !== undefined) {
      this.retryAfterSeconds = details.retryAfterSeconds;
    }
  }

  /** Returns a copy whose Graph message starts with `context`, e.g. the input value that Graph rejected. */
  withContext(context: string): GraphRequestError {
    const graphMessage = `${context}: ${this.graphMessage}`;
    return new GraphRequestError({ ...this.details(), graphMessage }, { cause: this });
  }

  details(): GraphRequestErrorDetails {
    const details: GraphRequestErrorDetails = {
      kind: this.kind,
      code: this.code,
      method: this.method,
      path: this.path,
      graphMessage: this.graphMessage,
    };
    if (this.status !== undefined) {
      details.status = this.status;
    }
    if (this.requestId !== undefined) {
      details.requestId = this.requestId;
    }
    if (this.retryAfterSeconds !== undefined) {
      details.retryAfterSeconds = this.retryAfterSeconds;
    }
    return details;
  }
}

export function isGraphRequestError(error: unknown): error is GraphRequestError {
  return error instanceof GraphRequestError;
}
