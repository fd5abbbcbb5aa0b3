import type { Client } from "@microsoft/microsoft-graph-client";

import { toGraphRequestError } from "./graphErrors";
import { GraphRequestError } from "./graphRequestError";

/** Query options such as `$filter` or `$select`; values are URL-encoded when the request is built. */
export type GraphQuery = Record<string, string>;

interface GraphCollection<T> {
  value?: T[];
  "@odata.nextLink"?: string;
}

// Guards against a server that keeps returning a nextLink.
const MAX_PAGES = 1000;

/**
 * Graph requests in one tenant. Every failure is thrown as a `GraphRequestError`. Paths are relative to the
 * configured base URL and API version, e.g. `/servicePrincipals/{id}`.
 */
export class GraphApi {
  readonly tenant: string;
  readonly #client: Client;
  /** `{baseUrl}/{version}`: absolute links that Graph returns must start with it. */
  readonly #root: string;

  constructor(tenant: string, client: Client, root: string) {
    this.tenant = tenant;
    this.#client = client;
    this.#root = root;
  }

  get<T>(path: string, query?: GraphQuery): Promise<T> {
    return this.#send("GET", path, query, undefined) as Promise<T>;
  }

  /** Sends a POST; resolves to the parsed body, or undefined for 204. */
  post<T>(path: string, body: unknown): Promise<T | undefined> {
    return this.#send("POST", path, undefined, body) as Promise<T | undefined>;
  }

  async put(path: string, body: unknown): Promise<void> {
    await this.#send("PUT", path, undefined, body);
  }

  async patch(path: string, body: unknown): Promise<void> {
    await this.#send("PATCH", path, undefined, body);
  }

  async delete(path: string): Promise<void> {
    await this.#send("DELETE", path, undefined, undefined);
  }

  /** Reads every item of a collection, following `@odata.nextLink` until Graph returns none. */
  async list<T>(path: string, query?: GraphQuery): Promise<T[]> {
    const items: T[] = [];
    let page = await this.get<GraphCollection<T>>(path, query);
    for (let count = 1; ; count += 1) {
      items.push(...(page.value ?? []));
      const nextLink = page["@odata.nextLink"];
      if (!nextLink) {
        return items;
      }
      if (count >= MAX_PAGES) {
        throw this.#linkError(path, `Stopped after ${MAX_PAGES} pages: Graph kept returning @odata.nextLink.`);
      }
      page = await this.get<GraphCollection<T>>(this.#relativeLink(path, nextLink));
    }
  }

  /**
   * Turns an absolute nextLink into a path under the configured root. The Graph client parses only `https://` links,
   * and a link to any other origin must not receive this tenant's token.
   */
  #relativeLink(path: string, nextLink: string): string {
    const prefix = `${this.#root}/`;
    if (!nextLink.startsWith(prefix)) {
      throw this.#linkError(path, "@odata.nextLink points outside the configured Graph base URL.");
    }
    return `/${nextLink.slice(prefix.length)}`;
  }

  #linkError(path: string, message: string): GraphRequestError {
    return new GraphRequestError({
      kind: "unknown",
      code: "InvalidNextLink",
      method: "GET",
      path,
      graphMessage: message,
    });
  }

  async #send(method: string, path: string, query: GraphQuery | undefined, body: unknown): Promise<unknown> {
    const request = this.#client.api(path);
    if (query) {
      const encoded: GraphQuery = {};
      for (const [key, value] of Object.entries(query)) {
        encoded[key] = encodeURIComponent(value);
      }
      request.query(encoded);
    }
    try {
      switch (method) {
        case "GET":
          return await request.get();
        case "POST":
          return await request.post(body);
        case "PUT":
          return await request.put(body);
        case "PATCH":
          return await request.patch(body);
        default:
          return await request.delete();
      }
    } catch (error) {
      throw toGraphRequestError(error, { method, path });
    }
  }
}
