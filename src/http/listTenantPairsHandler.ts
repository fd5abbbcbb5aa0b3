import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";

import { InvalidContinuationTokenError } from "../registry/registryErrors";
import type { TenantPairPage } from "../registry/tenantPairRegistry";
import type { TenantPairRouteDependencies } from "./getTenantPairHandler";
import { invalidRequestProblem, problemResponse } from "./problemDetails";
import { registryUnavailableProblem } from "./registryProblems";
import { toListItem } from "./tenantPairSummary";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/**
 * Creates the handler of `GET /api/tenant-pairs?pageSize=&continuationToken=`, which lists pairs ordered by source
 * and target tenant id. `nextLink` is the absolute URL of the next page. It leaves out a `code` query parameter, so
 * a function key is not echoed, and callers send the key again in the `x-functions-key` header or the query.
 */
export function createListTenantPairsHandler(dependencies: TenantPairRouteDependencies) {
  return async function listTenantPairs(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
    const pageSizeText = request.query.get("pageSize");
    const pageSize = pageSizeText === null ? DEFAULT_PAGE_SIZE : Number(pageSizeText);
    if (!/^\d+$/.test(pageSizeText ?? String(DEFAULT_PAGE_SIZE)) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return problemResponse(
        invalidRequestProblem(
          [
            {
              pointer: "/pageSize",
              detail: `must be a whole number from 1 to ${MAX_PAGE_SIZE}, got '${(pageSizeText ?? "").slice(0, 20)}'`,
            },
          ],
          "The pageSize query parameter is invalid.",
        ),
      );
    }
    const continuationToken = request.query.get("continuationToken") ?? undefined;
    let page: TenantPairPage;
    try {
      page = await dependencies
        .getRegistry()
        .list(continuationToken === undefined ? { pageSize } : { pageSize, continuationToken });
    } catch (error) {
      if (error instanceof InvalidContinuationTokenError) {
        return problemResponse(
          invalidRequestProblem(
            [{ pointer: "/continuationToken", detail: error.message }],
            "The continuationToken query parameter is invalid.",
          ),
        );
      }
      return problemResponse(registryUnavailableProblem(context, "TenantPairListFailed", error));
    }
    const body: { value: ReturnType<typeof toListItem>[]; nextLink?: string } = { value: page.items.map(toListItem) };
    if (page.continuationToken !== undefined) {
      body.nextLink = nextPageUrl(request.url, pageSize, page.continuationToken);
    }
    return {
      status: 200,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
      jsonBody: body,
    };
  };
}

function nextPageUrl(requestUrl: string, pageSize: number, continuationToken: string): string {
  const url = new URL(requestUrl);
  url.search = "";
  url.hash = "";
  url.searchParams.set("pageSize", String(pageSize));
  url.searchParams.set("continuationToken", continuationToken);
  return url.toString();
}
