/** One entry of a Graph error's `details` array. */
export interface GraphErrorDetail {
  code: string;
  message: string;
  target?: string;
}

/** An error that a Graph route returns to the client as Graph's error envelope. */
export class GraphError extends Error {
  override name = "GraphError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: GraphErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The 404 Graph returns for a directory object that does not exist or is not yet replicated. */
export function resourceNotFound(id: string): GraphError {
  return new GraphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function badRequest(message: string, code = "Request_BadRequest"): GraphError {
  return new GraphError(400, code, message);
}

/** Default error code for a status, used by injected faults that give no code. */
export function defaultCodeForStatus(status: number): string {
  switch (status) {
    case 400:
      return "Request_BadRequest";
    case 401:
      return "InvalidAuthenticationToken";
    case 403:
      return "Authorization_RequestDenied";
    case 404:
      return "Request_ResourceNotFound";
    case 409:
      return "Request_MultipleObjectsWithSameKeyValue";
    case 429:
      return "Request_ThrottledTemporarily";
    case 503:
      return "ServiceUnavailable";
    case 504:
      return "GatewayTimeout";
    default:
      return status >= 500 ? "InternalServerError" : "UnknownError";
  }
}

/** Formats a time as Graph's `innerError.date`: UTC, whole seconds, no zone suffix. */
export function formatInnerErrorDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    innerError: { date: string; "request-id": string; "client-request-id": string };
    details?: GraphErrorDetail[];
  };
}

/** Builds Graph's error body for an error, with the request's ids. */
export function buildErrorEnvelope(
  error: GraphError,
  ids: { requestId: string; clientRequestId: string },
  epochMs: number,
): ErrorEnvelope {
  const envelope: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: formatInnerErrorDate(epochMs),
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
      },
    },
  };
  if (error.details.length > 0) {
    envelope.error.details = error.details;
  }
  return envelope;
}
