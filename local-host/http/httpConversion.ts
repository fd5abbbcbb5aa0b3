import type { IncomingMessage, ServerResponse } from "node:http";
import type { RpcHttpCookie, RpcHttpData, TypedData } from "../core/coreTypes";

/** Converts an incoming request into the worker's RPC HTTP shape. The query comes from `url` itself. */
export function toRpcHttpRequest(
  request: IncomingMessage,
  url: URL,
  params: Record<string, string>,
  body: Buffer,
): RpcHttpData {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers[key] = Array.isArray(value) ? value.join(", ") : value;
    }
  }
  return { method: request.method ?? "GET", url: url.href, headers, params, body: { bytes: body } };
}

function formatCookie(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ""}=${cookie.value ?? ""}`];
  if (cookie.domain?.value) parts.push(`Domain=${cookie.domain.value}`);
  if (cookie.path?.value) parts.push(`Path=${cookie.path.value}`);
  const expires = cookie.expires?.value;
  if (expires?.seconds !== undefined) {
    parts.push(`Expires=${new Date(Number(expires.seconds) * 1000).toUTCString()}`);
  }
  if (cookie.maxAge?.value !== undefined) parts.push(`Max-Age=${cookie.maxAge.value}`);
  if (cookie.secure?.value) parts.push("Secure");
  if (cookie.httpOnly?.value) parts.push("HttpOnly");
  const sameSite = { lax: "Lax", strict: "Strict", explicitNone: "None" }[cookie.sameSite ?? ""];
  if (sameSite) parts.push(`SameSite=${sameSite}`);
  return parts.join("; ");
}

function bodyBytes(body: TypedData | null | undefined): Buffer {
  if (!body) return Buffer.alloc(0);
  if (body.bytes) return Buffer.from(body.bytes);
  if (typeof body.string === "string") return Buffer.from(body.string);
  if (typeof body.json === "string") return Buffer.from(body.json);
  return Buffer.alloc(0);
}

/**
 * Writes the function's `$return` HTTP output.
 * NOTE: a function that returned nothing gets 204 here; this was not checked against Azure.
 */
export function writeRpcHttpResponse(response: ServerResponse, returnValue: TypedData | null | undefined): void {
  const http = returnValue?.http;
  if (!http) {
    response.writeHead(204).end();
    return;
  }
  const body = bodyBytes(http.body);
  const headers: Record<string, string | string[]> = { ...(http.headers ?? {}) };
  const cookies = (http.cookies ?? []).map(formatCookie);
  if (cookies.length > 0) {
    headers["set-cookie"] = cookies;
  }
  headers["content-length"] = String(body.length);
  response.writeHead(Number(http.statusCode ?? 200), headers).end(body);
}
