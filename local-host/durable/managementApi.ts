import { type ClientUrlOptions, managementPayload } from "./clientUrls";
import { DurableRequestError, type DurableService } from "./durableService";
import type { InstanceFilter, InstanceRow } from "./instanceStore";
import { type StatusOptions, toStatusBody } from "./statusBody";

export interface ApiRequest {
  method: string;
  /** Path below the API root, without a leading slash, e.g. `instances/abc/terminate`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const runningStatuses = ["Pending", "Running", "ContinuedAsNew", "Suspended"];

function flag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  return value === null ? fallback : value.toLowerCase() === "true";
}

function parseTime(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new DurableRequestError(400, `Invalid ${name} '${value}': expected an ISO 8601 time.`);
  return time;
}

function parseJsonBody(body: Buffer, what: string): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DurableRequestError(400, `The ${what} must be JSON.`);
  }
}

function filterFrom(query: URLSearchParams): InstanceFilter {
  const statuses = query.get("runtimeStatus");
  return {
    statuses: statuses
      ? statuses
          .split(",")
          .map((status) => status.trim())
          .filter(Boolean)
      : undefined,
    createdFrom: parseTime(query, "createdTimeFrom"),
    createdTo: parseTime(query, "createdTimeTo"),
    instanceIdPrefix: query.get("instanceIdPrefix") ?? undefined,
  };
}

/**
 * The Durable extension's HTTP API (served under both `/runtime/webhooks/durabletask/` and the client's
 * `rpcBaseUrl`). Keys are accepted but not checked, as with Core Tools.
 */
export class ManagementApi {
  constructor(
    private readonly service: DurableService,
    private readonly urls: () => ClientUrlOptions,
  ) {}

  async handle(request: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.#route(request);
    } catch (error) {
      if (error instanceof DurableRequestError) {
        return { status: error.status, body: { message: error.message } };
      }
      throw error;
    }
  }

  #accepted(instance: InstanceRow): ApiResponse {
    const payload = managementPayload(this.urls(), instance.instance_id);
    return {
      status: 202,
      headers: { Location: payload.statusQueryGetUri ?? "", "Retry-After": "10" },
      body: payload,
    };
  }

  async #route(request: ApiRequest): Promise<ApiResponse> {
    const parts = request.path.split("/").map((part) => decodeURIComponent(part));
    if (parts[parts.length - 1] === "") parts.pop();
    const [collection, id, operation, eventName] = parts;
    const { method, query } = request;
    if (collection === "orchestrators" && id && method === "POST" && parts.length <= 3) {
      return this.#start(id, operation, request);
    }
    if (collection !== "instances") {
      return { status: 404, body: { message: `Unknown Durable API path '${request.path}'.` } };
    }
    if (id === undefined) {
      if (method === "GET") return this.#list(query, request.headers);
      if (method === "DELETE") return this.#purged(this.service.purgeMany(filterFrom(query)));
    } else if (operation === undefined) {
      if (method === "GET") return this.#status(id, query);
      if (method === "DELETE") return this.#purged(this.service.purge(id));
    } else if (method === "POST") {
      return this.#operate(id, operation, eventName, request);
    }
    return { status: 405, body: { message: `${method} is not allowed on '${request.path}'.` } };
  }

  async #start(name: string, instanceId: string | undefined, request: ApiRequest): Promise<ApiResponse> {
    // durable-functions' client sends the JSON string "" when startNew gets no input.
    // NOTE: so an explicit "" input is stored as no input (status `input: null`).
    const parsed = parseJsonBody(request.body, "orchestration input");
    const input = parsed === "" ? undefined : parsed;
    const instance = this.service.start(name, instanceId, input);
    const timeoutSeconds = Number(request.query.get("timeout") ?? NaN);
    if (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0) {
      const intervalMs = Math.max(Number(request.query.get("pollingInterval") ?? 1) * 1000, 100);
      const deadline = Date.now() + timeoutSeconds * 1000;
      while (Date.now() < deadline) {
        const current = this.service.get(instance.instance_id);
        if (current && !runningStatuses.includes(current.status)) {
          return { status: 200, body: current.output === null ? null : (JSON.parse(current.output) as unknown) };
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, deadline - Date.now())));
      }
    }
    return this.#accepted(instance);
  }

  #status(instanceId: string, query: URLSearchParams): ApiResponse {
    const row = this.service.get(instanceId);
    if (!row) {
      return { status: 404, body: { message: `No instance with ID '${instanceId}' was found.` } };
    }
    const options: StatusOptions = {
      showInput: flag(query, "showInput", true),
      showHistory: flag(query, "showHistory", false),
      showHistoryOutput: flag(query, "showHistoryOutput", false),
    };
    const history = options.showHistory ? this.service.store.getHistory(instanceId) : undefined;
    const body = toStatusBody(row, history, options);
    if (runningStatuses.includes(row.status)) {
      const location = managementPayload(this.urls(), instanceId).statusQueryGetUri ?? "";
      return { status: 202, headers: { Location: location, "Retry-After": "5" }, body };
    }
    const failedAsError = row.status === "Failed" && flag(query, "returnInternalServerErrorOnFailure", false);
    return { status: failedAsError ? 500 : 200, body };
  }

  #list(query: URLSearchParams, headers: ApiRequest["headers"]): ApiResponse {
    const rows = this.service.store.listInstances(filterFrom(query));
    const token = headers["x-ms-continuation-token"];
    const offset = typeof token === "string" && /^\d+$/.test(token) ? Number(token) : 0;
    const top = Number(query.get("top") ?? 0);
    const end = top > 0 ? offset + top : rows.length;
    const options = { showInput: flag(query, "showInput", true), showHistory: false, showHistoryOutput: false };
    const body = rows.slice(offset, end).map((row) => toStatusBody(row, undefined, options));
    const responseHeaders: Record<string, string> = end < rows.length ? { "x-ms-continuation-token": String(end) } : {};
    return { status: 200, headers: responseHeaders, body };
  }

  #purged(count: number): ApiResponse {
    return count > 0
      ? { status: 200, body: { instancesDeleted: count } }
      : { status: 404, body: { instancesDeleted: 0 } };
  }

  #operate(instanceId: string, operation: string, eventName: string | undefined, request: ApiRequest): ApiResponse {
    const reason = request.query.get("reason") ?? "";
    switch (operation) {
      case "terminate":
        this.service.terminate(instanceId, reason);
        return { status: 202 };
      case "suspend":
        this.service.suspend(instanceId, reason);
        return { status: 202 };
      case "resume":
        this.service.resume(instanceId, reason);
        return { status: 202 };
      case "raiseEvent": {
        if (!eventName) break;
        const input = parseJsonBody(request.body, "event data");
        this.service.raiseEvent(instanceId, eventName, input === undefined ? null : JSON.stringify(input));
        return { status: 202 };
      }
      case "restart":
        return this.#accepted(this.service.restart(instanceId, flag(request.query, "restartWithNewInstanceId", true)));
      case "rewind":
        if (!this.service.get(instanceId)) {
          return { status: 404, body: { message: `No instance with ID '${instanceId}' was found.` } };
        }
        return { status: 501, body: { message: "Rewind is not supported by the local host." } };
    }
    return { status: 404, body: { message: `Unknown instance operation '${operation}'.` } };
  }
}
