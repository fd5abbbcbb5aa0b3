import type { GraphApi } from "../../graph/graphApi";
import { listRecentProvisioningFailures } from "../../graph/provisioningLogs";
import type { ProvisioningFailureGroup } from "../../shared/healthContracts";

/** Code used for a failure entry that carries no error code. */
const UNKNOWN_CODE = "Unknown";

/** Reads a job's failed provisioning log entries since `since` and groups them by error code, newest first. */
export async function groupProvisioningFailures(
  api: GraphApi,
  jobId: string,
  since: Date,
): Promise<ProvisioningFailureGroup[]> {
  const entries = await listRecentProvisioningFailures(api, jobId, since);
  const groups = new Map<string, ProvisioningFailureGroup>();
  for (const entry of entries) {
    const code = entry.provisioningStatusInfo?.errorInformation?.errorCode || UNKNOWN_CODE;
    const at = entry.activityDateTime ?? "";
    const group = groups.get(code);
    if (group === undefined) {
      const reason = entry.provisioningStatusInfo?.errorInformation?.reason ?? "";
      groups.set(code, { code, count: 1, lastSeen: at, reason });
    } else {
      group.count += 1;
      if (at > group.lastSeen) {
        group.lastSeen = at;
        group.reason = entry.provisioningStatusInfo?.errorInformation?.reason ?? group.reason;
      }
    }
  }
  return [...groups.values()];
}
