import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { hostLog, toError } from "../core/log";
import type { ManagementApi } from "../durable/managementApi";
import { type HttpRoute, matchHttpRoute } from "./httpTriggers";
import { RequestTooLargeError, readBody } from "./readBody";

export interface RequestHandlers {
  routePrefix: string;
  routes: HttpRoute[];
  managementApi: ManagementApi;
  runHttpTrigger(
    match: NonNullable<ReturnType<typeof matchHttpRoute>>,
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void>;
}

/** Durable API roots: the public webhook path and the path of the client's `rpcBaseUrl`. */
const durableRoots = ["/runtime/webhooks/durabletask/", "/durabletask/"];

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  response
    .writeHead(status, {
      ...headers,
      ...(text ? { "content-type": "application/json; charset=utf-8" } : {}),
      "content-length": String(Buffer.byteLength(text)),
    })
    .end(text);
}

/**
 * Creates the host's HTTP server. Requests wait for `handlers()` to return a value (the app is loaded); while it
 * returns undefined they get 503.
 */
export function createHostServer(handlers: () => RequestHandlers | undefined): Server {
  return createServer((request, response) => {
    handle(handlers(), request, response).catch((error: unknown) => {
      const status = error instanceof RequestTooLargeError ? 413 : 500;
      if (status === 500)
        hostLog("Error", `Request ${request.method} ${request.url} failed: ${toError(error).message}`);
      if (!response.headersSent) sendJson(response, status, { message: toError(error).message });
      else response.end();
    });
  });
}

async function handle(
  handlers: RequestHandlers | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!handlers) {
    sendJson(response, 503, { message: "The Functions host is starting or stopping." });
    return;
  }
  const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
  const method = (request.method ?? "GET").toUpperCase();
  const pathname = url.pathname;

  const durableRoot = durableRoots.find((root) => pathname.startsWith(root) || `${pathname}/` === root);
  if (durableRoot) {
    const result = await handlers.managementApi.handle({
      method,
      path: pathname.slice(durableRoot.length),
      query: url.searchParams,
      headers: request.headers,
      body: await readBody(request),
    });
    sendJson(response, result.status, result.body, result.headers);
    return;
  }

  const prefix = handlers.routePrefix === "" ? "/" : `/${handlers.routePrefix}/`;
  if (pathname === "/" && handlers.routePrefix !== "") {
    response.writeHead(200, { "content-type": "text/plain" }).end("The local Functions host is running.\n");
    return;
  }
  if (pathname.startsWith(prefix) || `${pathname}/` === prefix) {
    const segments = pathname
      .slice(prefix.length)
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => decodeURIComponent(segment));
    const match = matchHttpRoute(handlers.routes, method, segments);
    if (match) {
      await handlers.runHttpTrigger(match, request, response, url);
      return;
    }
  }
  request.resume();
  response.writeHead(404, { "content-length": "0" }).end();
}
