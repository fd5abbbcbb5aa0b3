import { badRequest } from "./graphError";
import { compareValues, matchesFilter, readPath } from "./filterEvaluator";
import { FilterSyntaxError, filterPaths, parseFilter } from "./filterParser";
import type { GraphRequest, GraphResult } from "./routeTypes";

export const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

/** Returns the `@odata.context` URL for a fragment such as `users` or `users/$entity`. */
export function contextUrl(request: GraphRequest, fragment: string): string {
  return `${request.baseUrl}/${request.version}/$metadata#${fragment}`;
}

/** Applies `$select` to one resource; without `$select` the given default properties (or all) are returned. */
export function selectProperties(
  request: GraphRequest,
  resource: object,
  defaultProperties?: readonly string[],
): Record<string, unknown> {
  const source = resource as Record<string, unknown>;
  const selectText = request.query.get("$select");
  const names = selectText === null ? defaultProperties : selectText.split(",").map((name) => name.trim());
  if (names === undefined) {
    return { ...source };
  }
  const selected: Record<string, unknown> = {};
  for (const name of names) {
    if (!(name in source)) {
      throw badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.${typeName(request)}'.`);
    }
    selected[name] = source[name];
  }
  return selected;
}

function typeName(request: GraphRequest): string {
  const collection = request.path.split("/")[1] ?? "entity";
  return collection.replace(/s$/, "");
}

/** Builds a 200 response for one resource, with `@odata.context` first. */
export function entityResult(
  request: GraphRequest,
  contextFragment: string,
  resource: object,
  defaultProperties?: readonly string[],
): GraphResult {
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(request, contextFragment),
      ...selectProperties(request, resource, defaultProperties),
    },
  };
}

export interface CollectionOptions {
  /** Fragment of `@odata.context`, e.g. `servicePrincipals`. */
  contextFragment: string;
  /** Top-level property names `$filter` may use; any when omitted. */
  filterableProperties?: readonly string[];
  /** Properties returned without `$select`; all when omitted. */
  defaultProperties?: readonly string[];
}

function parsedFilter(request: GraphRequest, options: CollectionOptions): ((item: object) => boolean) | undefined {
  const text = request.query.get("$filter");
  if (text === null) {
    return undefined;
  }
  try {
    const node = parseFilter(text);
    for (const path of filterPaths(node)) {
      const root = path.split("/")[0] ?? "";
      if (options.filterableProperties !== undefined && !options.filterableProperties.includes(root)) {
        throw badRequest(`Invalid filter clause: filtering on property '${path}' is not supported.`);
      }
    }
    return (item) => matchesFilter(node, item);
  } catch (error) {
    if (error instanceof FilterSyntaxError) {
      throw badRequest(`Invalid filter clause: ${error.message}.`);
    }
    throw error;
  }
}

function sortItems(request: GraphRequest, items: object[]): object[] {
  const text = request.query.get("$orderby");
  if (text === null) {
    return items;
  }
  const match = /^\s*([A-Za-z][\w/]*)(?:\s+(asc|desc))?\s*$/i.exec(text);
  if (match === null || match[1] === undefined) {
    throw badRequest(`Invalid $orderby expression '${text}'. Use one property, optionally followed by asc or desc.`);
  }
  const path = match[1].split("/");
  const direction = match[2]?.toLowerCase() === "desc" ? -1 : 1;
  return [...items].sort((left, right) => {
    const order = compareValues(readPath(left, path), readPath(right, path));
    return Number.isNaN(order) ? 0 : order * direction;
  });
}

function pageSize(request: GraphRequest): number {
  const text = request.query.get("$top");
  if (text === null) {
    return DEFAULT_PAGE_SIZE;
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badRequest(`Invalid page size specified: '${text}'. Must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return value;
}

function pageOffset(request: GraphRequest): number {
  const token = request.query.get("$skiptoken");
  if (token === null) {
    return 0;
  }
  const offset = Number(Buffer.from(token, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) {
    throw badRequest("Invalid $skiptoken value. Follow @odata.nextLink as returned.");
  }
  return offset;
}

/**
 * Builds a 200 collection response: `$filter`, `$orderby`, paging by `$top` (default 100) with an absolute
 * `@odata.nextLink`, and `$select`.
 */
export function collectionResult(
  request: GraphRequest,
  items: readonly object[],
  options: CollectionOptions,
): GraphResult {
  const filter = parsedFilter(request, options);
  const filtered = filter === undefined ? [...items] : items.filter(filter);
  const sorted = sortItems(request, filtered);
  const size = pageSize(request);
  const offset = pageOffset(request);
  const page = sorted.slice(offset, offset + size);
  const body: Record<string, unknown> = {
    "@odata.context": contextUrl(request, options.contextFragment),
    value: page.map((item) => selectProperties(request, item, options.defaultProperties)),
  };
  if (offset + size < sorted.length) {
    const next = new URLSearchParams(request.query);
    next.set("$skiptoken", Buffer.from(String(offset + size)).toString("base64url"));
    body["@odata.nextLink"] = `${request.baseUrl}/${request.version}${request.path}?${next.toString()}`;
  }
  return { status: 200, body };
}
