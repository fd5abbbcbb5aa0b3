import type { IncomingMessage, ServerResponse } from "node:http";
import type { FunctionRegistry, RegisteredFunction } from "../core/functionRegistry";
import { invokeFunction } from "../core/invokeFunction";
import type { ExtraInputs } from "../durable/activityDispatcher";
import { toRpcHttpRequest, writeRpcHttpResponse } from "./httpConversion";
import { readBody } from "./readBody";
import { RouteTemplate } from "./routeTemplate";

export interface HttpRoute {
  fn: RegisteredFunction;
  template: RouteTemplate;
  methods: string[];
}

/** Routes of the app's HTTP-triggered functions; a missing `route` defaults to the function name. */
export function collectHttpRoutes(registry: FunctionRegistry): HttpRoute[] {
  const routes = registry.byTrigger("httpTrigger").map((fn) => {
    const binding = fn.metadata.bindings[fn.triggerBindingName] ?? {};
    const route = typeof binding.route === "string" && binding.route !== "" ? binding.route : fn.metadata.name;
    const methods = Array.isArray(binding.methods) ? binding.methods.map((method) => String(method).toUpperCase()) : [];
    return { fn, template: new RouteTemplate(route), methods };
  });
  return routes.sort((a, b) => b.template.literalCount - a.template.literalCount);
}

/** Finds the function for a path below the route prefix. A route whose method does not match is skipped (404). */
export function matchHttpRoute(
  routes: HttpRoute[],
  method: string,
  segments: string[],
): { route: HttpRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.methods.length > 0 && !route.methods.includes(method.toUpperCase())) {
      continue;
    }
    const params = route.template.match(segments);
    if (params) {
      return { route, params };
    }
  }
  return undefined;
}

/** Invokes an HTTP-triggered function and writes its response; a function that throws gets 500. */
export async function runHttpTrigger(
  registry: FunctionRegistry,
  extraInputs: ExtraInputs,
  match: { route: HttpRoute; params: Record<string, string> },
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const body = await readBody(request);
  const { fn } = match.route;
  const http = toRpcHttpRequest(request, url, match.params, body);
  try {
    const invocation = await invokeFunction(registry, fn, {
      reason: `This function was programmatically called via the host APIs (${request.method} ${url.pathname})`,
      inputData: [{ name: fn.triggerBindingName, data: { http } }, ...extraInputs(fn)],
    });
    writeRpcHttpResponse(response, invocation.returnValue);
  } catch {
    // invokeFunction has logged the failure; the caller only sees a bare 500, as on Azure.
    if (!response.headersSent) {
      response.writeHead(500, { "content-length": "0" }).end();
    }
  }
}
