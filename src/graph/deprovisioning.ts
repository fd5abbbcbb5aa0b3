import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types";

import type { GraphApi } from "./graphApi";
import { quoteODataString } from "./odataFilter";

/** Graph returns at most this many provisioning log entries per page. */
const MAX_PAGE_SIZE = 500;

/**
 * Counts the successful `delete` provisioning log entries of one sync job since a time: the users that sync cycles
 * removed from the target after they left scope.
 * NOTE: only the newest page of 500 entries is read, so a larger deprovisioning is reported as 500.
 */
export async function countDeletesSince(api: GraphApi, jobId: string, since: Date): Promise<number> {
  const filter =
    `jobId eq ${quoteODataString(jobId)} and activityDateTime ge ${since.toISOString()} ` +
    "and provisioningAction eq 'delete' and provisioningStatusInfo/status eq 'success'";
  const page = await api.get<{ value?: ProvisioningObjectSummary[] }>("/auditLogs/provisioning", {
    $filter: filter,
    $top: String(MAX_PAGE_SIZE),
  });
  return page.value?.length ?? 0;
}

/** Pauses a sync job: Graph stops its cycles and keeps its configuration, so an admin can start it again. */
export async function pauseJob(api: GraphApi, servicePrincipalId: string, jobId: string): Promise<void> {
  const servicePrincipal = encodeURIComponent(servicePrincipalId);
  await api.post(
    `/servicePrincipals/${servicePrincipal}/synchronization/jobs/${encodeURIComponent(jobId)}/pause`,
    undefined,
  );
}
