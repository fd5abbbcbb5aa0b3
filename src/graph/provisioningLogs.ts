import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types";

import type { GraphApi } from "./graphApi";
import { quoteODataString } from "./odataFilter";

/** Graph returns at most this many provisioning log entries per page. */
const MAX_PAGE_SIZE = 500;

/**
 * Reads the newest failed provisioning log entries of one sync job since a time, one page of at most 500 entries.
 * NOTE: later pages are not read, so a job with more failures in the window is reported from its newest 500.
 */
export async function listRecentProvisioningFailures(
  api: GraphApi,
  jobId: string,
  since: Date,
): Promise<ProvisioningObjectSummary[]> {
  const filter =
    `jobId eq ${quoteODataString(jobId)} and activityDateTime ge ${since.toISOString()} ` +
    "and provisioningStatusInfo/status eq 'failure'";
  const page = await api.get<{ value?: ProvisioningObjectSummary[] }>("/auditLogs/provisioning", {
    $filter: filter,
    $top: String(MAX_PAGE_SIZE),
    $orderby: "activityDateTime desc",
  });
  return page.value ?? [];
}
