import type { HttpMethod, RouteDefinition } from "./routeTypes";

interface CompiledRoute {
  definition: RouteDefinition;
  segments: { pattern: RegExp; names: string[] }[];
}

export type RouteLookup =
  | { kind: "found"; route: RouteDefinition; params: Record<string, string> }
  | { kind: "unknownSegment"; segment: string }
  | { kind: "methodNotAllowed" };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileSegment(segment: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  let source = "";
  let rest = segment;
  for (let match = /\{(\w+)\}/.exec(rest); match !== null; match = /\{(\w+)\}/.exec(rest)) {
    source += escapeRegExp(rest.slice(0, match.index)) + "(.+)";
    names.push(match[1] ?? "");
    rest = rest.slice(match.index + match[0].length);
  }
  source += escapeRegExp(rest);
  // Graph matches path names without regard to case.
  return { pattern: new RegExp(`^${source}$`, "i"), names };
}

/** Splits a URL path into decoded segments; returns undefined when a segment is not valid percent-encoding. */
export function splitPath(path: string): string[] | undefined {
  try {
    return path
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** Matches Graph paths against route templates, in the order the routes were given. */
export class Router {
  readonly #routes: CompiledRoute[];

  constructor(routes: readonly RouteDefinition[]) {
    this.#routes = routes.map((definition) => ({
      definition,
      segments: definition.template
        .split("/")
        .filter((part) => part !== "")
        .map(compileSegment),
    }));
  }

  lookup(method: HttpMethod, segments: readonly string[]): RouteLookup {
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = this.#matchAll(route, segments);
      if (params === undefined) {
        continue;
      }
      if (route.definition.method === method) {
        return { kind: "found", route: route.definition, params };
      }
      pathMatched = true;
    }
    if (pathMatched) {
      return { kind: "methodNotAllowed" };
    }
    return { kind: "unknownSegment", segment: this.#firstUnknownSegment(segments) };
  }

  #matchAll(route: CompiledRoute, segments: readonly string[]): Record<string, string> | undefined {
    if (route.segments.length !== segments.length) {
      return undefined;
    }
    const params: Record<string, string> = {};
    for (const [index, compiled] of route.segments.entries()) {
      const match = compiled.pattern.exec(segments[index] ?? "");
      if (match === null) {
        return undefined;
      }
      compiled.names.forEach((name, group) => (params[name] = match[group + 1] ?? ""));
    }
    return params;
  }

  /** Finds the first segment that no route accepts at its position, as Graph names it in its 400. */
  #firstUnknownSegment(segments: readonly string[]): string {
    for (let depth = 0; depth < segments.length; depth += 1) {
      const known = this.#routes.some(
        (route) =>
          route.segments.length > depth &&
          route.segments.slice(0, depth + 1).every((compiled, index) => compiled.pattern.test(segments[index] ?? "")),
      );
      if (!known) {
        return segments[depth] ?? "";
      }
    }
    return segments[segments.length - 1] ?? "";
  }
}
