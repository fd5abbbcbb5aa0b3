import { randomUUID } from "node:crypto";
import type { Fault } from "../admin/faultStore";
import type { EmulatorServices } from "../state/services";
import { authenticate, authorize } from "./authenticate";
import { buildErrorEnvelope, defaultCodeForStatus, GraphError } from "./graphError";
import type { Router } from "./router";
import { splitPath } from "./router";
import type { Caller, GraphResult, HttpMethod } from "./routeTypes";

export interface GraphHttpRequest {
  method: string;
  version: string;
  /** Path after the version. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  baseUrl: string;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const METHODS: readonly string[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function headerValue(headers: GraphHttpRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJsonBody(text: string): unknown {
  if (text.trim() === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GraphError(
      400,
      "BadRequest",
      "Unable to read JSON request payload. " +
        "Please ensure Content-Type header is set and payload is of valid JSON format.",
    );
  }
}

function faultError(fault: Fault): GraphError {
  const status = fault.status ?? 500;
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== null) {
    headers["Retry-After"] = String(fault.retryAfterSeconds);
  }
  const message = fault.message ?? `The emulator injected this ${status} fault.`;
  return new GraphError(status, fault.code ?? defaultCodeForStatus(status), message, [], headers);
}

/**
 * Called after the route handler of a request other than GET has run, whether it returned or threw, and before any
 * `when: "after"` fault delays or replaces the response. Saving here keeps a change that Graph applied even when the
 * process dies while the response is held.
 */
export type StateChangeListener = () => void;

/**
 * Handles one Graph request: latency, authentication, routing, injected faults, permission check, route handler.
 * Every response carries `request-id` and `client-request-id`; errors use Graph's envelope.
 */
export async function handleGraphRequest(
  services: EmulatorServices,
  router: Router,
  request: GraphHttpRequest,
  onStateChange?: StateChangeListener,
): Promise<HttpAnswer> {
  const { state } = services;
  const ids = {
    requestId: randomUUID(),
    clientRequestId: headerValue(request.headers, "client-request-id") ?? randomUUID(),
  };
  const headers = { "request-id": ids.requestId, "client-request-id": ids.clientRequestId };
  let caller: Caller | undefined;
  let answer: HttpAnswer;
  try {
    if (state.settings.latencyMs > 0) {
      await delay(state.settings.latencyMs);
    }
    caller = authenticate(state, headerValue(request.headers, "authorization"));
    const result = await routeRequest(services, router, request, caller, onStateChange);
    answer = { status: result.status, headers: { ...headers, ...result.headers }, body: result.body };
  } catch (error) {
    const graphError = error instanceof GraphError ? error : unexpectedError(error);
    answer = {
      status: graphError.status,
      headers: { ...headers, ...graphError.headers },
      body: buildErrorEnvelope(graphError, ids, state.now()),
    };
  }
  state.requestLog.push({
    method: request.method,
    path: `/${request.version}${request.path}`,
    tenantId: caller?.tenantId ?? null,
    status: answer.status,
    time: new Date(state.now()).toISOString(),
  });
  return answer;
}

function unexpectedError(error: unknown): GraphError {
  console.error("Graph emulator: unexpected error in a route handler:", error);
  return new GraphError(500, "InternalServerError", "The emulator failed to process the request.");
}

async function routeRequest(
  services: EmulatorServices,
  router: Router,
  request: GraphHttpRequest,
  caller: Caller,
  onStateChange: StateChangeListener | undefined,
): Promise<GraphResult> {
  const method = request.method.toUpperCase();
  const segments = splitPath(request.path);
  if (segments === undefined) {
    throw new GraphError(400, "BadRequest", "The request URL is not valid percent-encoding.");
  }
  if (!METHODS.includes(method)) {
    throw new GraphError(405, "BadRequest", `The HTTP method '${method}' is not supported.`);
  }
  const lookup = router.lookup(method as HttpMethod, segments);
  if (lookup.kind === "unknownSegment") {
    throw new GraphError(400, "BadRequest", `Resource not found for the segment '${lookup.segment}'.`);
  }
  if (lookup.kind === "methodNotAllowed") {
    throw new GraphError(405, "BadRequest", `The HTTP method '${method}' is not supported for this resource.`);
  }
  const fault = services.state.faults.take(method, request.path, caller.tenantId);
  if (fault !== undefined && fault.delayMs > 0 && fault.when === "before") {
    await delay(fault.delayMs);
  }
  if (fault?.status !== undefined && fault.status !== null && fault.when === "before") {
    throw faultError(fault);
  }
  authorize(caller, lookup.route.permissions);
  const tenant = services.state.tenants.get(caller.tenantId);
  if (tenant === undefined) {
    throw new GraphError(401, "InvalidAuthenticationToken", "The token's tenant no longer exists.");
  }
  const body = parseJsonBody(request.body);
  let result: GraphResult;
  try {
    result = await lookup.route.handler({
      method: method as HttpMethod,
      version: request.version,
      path: request.path,
      params: lookup.params,
      query: request.query,
      body,
      caller,
      tenant,
      baseUrl: request.baseUrl,
      services,
    });
  } finally {
    // A handler that throws may have changed the state before it failed, so the listener runs in both cases.
    if (method !== "GET") {
      onStateChange?.();
    }
  }
  if (fault !== undefined && fault.when === "after") {
    await delay(fault.delayMs);
    if (fault.status !== null) {
      throw faultError(fault);
    }
  }
  return result;
}
