import type { EmulatorServices } from "../state/services";
import type { TenantDirectory } from "../state/model";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The authenticated caller, taken from the access token. */
export interface Caller {
  tenantId: string;
  clientId: string;
  roles: readonly string[];
}

/** A Graph request after authentication and routing. */
export interface GraphRequest {
  method: HttpMethod;
  /** `v1.0` or `beta`. */
  version: string;
  /** Path after the version, without the query string, e.g. `/servicePrincipals/{id}`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined when the request has none. */
  body: unknown;
  caller: Caller;
  tenant: TenantDirectory;
  /** Scheme, host and port the client used, e.g. `http://127.0.0.1:7072`. */
  baseUrl: string;
  services: EmulatorServices;
}

export interface GraphResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: GraphRequest) => GraphResult | Promise<GraphResult>;

export interface RouteDefinition {
  method: HttpMethod;
  /** Path template after the version. `{name}` captures a value, also inside a segment such as `f(x='{x}')`. */
  template: string;
  /** Application permissions of which the caller needs at least one. */
  permissions: readonly string[];
  handler: RouteHandler;
}
