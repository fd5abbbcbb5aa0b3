import type { GraphErrorKind, GraphRequestErrorDetails } from "./graphRequestError";

/** Fields read back from a formatted Graph error message. */
export interface ParsedGraphErrorText {
  kind: GraphErrorKind;
  status?: number;
  code?: string;
  requestId?: string;
  method?: string;
  path?: string;
  graphMessage?: string;
}

const MAX_MESSAGE_LENGTH = 400;
const NONE = "-";

// Bearer tokens and JWTs must never reach a message, even when a server echoes them.
const SECRET_PATTERNS: readonly RegExp[] = [
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /\b(client_secret|access_token|refresh_token|password)=[^&\s]+/gi,
];

function redact(text: string): string {
  return SECRET_PATTERNS.reduce((result, pattern) => result.replace(pattern, "[redacted]"), text);
}

function singleLine(text: string, maxLength: number): string {
  const flat = redact(text).replace(/\s+/g, " ").trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 3)}...` : flat;
}

/** Writes a value as one word of the message, without whitespace, so that the message can be split on spaces. */
function token(value: string | number | undefined): string {
  if (value === undefined || value === "") {
    return NONE;
  }
  return String(value).replace(/\s+/g, "_");
}

/**
 * Formats a Graph failure as one line:
 * `Graph <kind> error <status> <code> on <METHOD> <path>: <message> (request-id <id>)`.
 * A missing status or code is written `-`, and the request-id part is left out when there is no request id, e.g. for
 * a failure this service detected itself. The query string is dropped from the path.
 */
export function formatGraphError(error: GraphRequestErrorDetails): string {
  const path = token(error.path.split("?")[0]);
  const message = singleLine(error.graphMessage, MAX_MESSAGE_LENGTH) || "no message";
  return (
    `Graph ${error.kind} error ${token(error.status)} ${token(error.code)} on ${token(error.method.toUpperCase())} ` +
    `${path}: ${message}${requestIdSuffix(error.requestId)}`
  );
}

function requestIdSuffix(requestId: string | undefined): string {
  return requestId === undefined || requestId === "" ? "" : ` (request-id ${token(requestId)})`;
}

const HEAD_PATTERN =
  "Graph (transient|conflict|notFound|forbidden|invalid|unknown) error (\\d{3}|-) (\\S+) on ([A-Z]+) (\\S+): ";
const FORMAT_PATTERN = new RegExp(`${HEAD_PATTERN}(.*) \\(request-id ([^\\s)]+)\\)`, "s");
/** The format without a request id, whose message runs to the end of the line. */
const FORMAT_WITHOUT_REQUEST_ID_PATTERN = new RegExp(`${HEAD_PATTERN}([^\\n]*)`);

function optional(value: string | undefined): string | undefined {
  return value === undefined || value === NONE ? undefined : value;
}

/**
 * Reads the fields of a message made by `formatGraphError`, also when it is embedded in a longer text such as the
 * Durable Task failure reason `Activity function 'x' failed: <message>`. Returns undefined for any other text.
 */
export function parseGraphErrorText(text: string): ParsedGraphErrorText | undefined {
  const match = FORMAT_PATTERN.exec(text) ?? FORMAT_WITHOUT_REQUEST_ID_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  const [, kind, status, code, method, path, graphMessage, requestId] = match;
  const parsed: ParsedGraphErrorText = { kind: kind as GraphErrorKind };
  const statusText = optional(status);
  if (statusText !== undefined) {
    parsed.status = Number(statusText);
  }
  const fields = { code: optional(code), requestId: optional(requestId), method, path, graphMessage };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      parsed[key as "code" | "requestId" | "method" | "path" | "graphMessage"] = value;
    }
  }
  return parsed;
}
