import type { SynchronizationJob } from "@microsoft/microsoft-graph-types";

import { PROVISIONING_LOG_WINDOW_MINUTES } from "../orchestrators/health/healthThresholds";
import { getServicePrincipal } from "../graph/applications";
import type { GraphApi } from "../graph/graphApi";
import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { undefinedWhenNotFound } from "../graph/notFound";
import { getIdentitySynchronization, getPartner } from "../graph/partners";
import { getJob, validateSavedCredentials } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { CredentialFacts, InspectTenantPairInput, SyncJobFacts, TenantPairFacts } from "../shared/healthContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { groupProvisioningFailures } from "./support/provisioningFailures";
import { toSyncJobStatus } from "./support/syncJobStatus";

/** Graph's `steadyStateLastAchievedTime` for "never". */
const NEVER = "0001-01-01T00:00:00Z";

function toJobFacts(job: SynchronizationJob, jobId: string): SyncJobFacts {
  const steadyState = job.status?.steadyStateLastAchievedTime;
  return {
    ...toSyncJobStatus(job, jobId),
    steadyStateLastAchievedTime: steadyState && !steadyState.startsWith(NEVER.slice(0, 10)) ? steadyState : null,
  };
}

/**
 * Validates the saved credentials. Graph rejects bad ones with a 400-class error carrying the reason; that is a
 * finding, not a failure of the check. Throttling, outages and missing permissions propagate.
 */
async function checkSavedCredentials(
  api: GraphApi,
  servicePrincipalId: string,
  jobId: string,
): Promise<CredentialFacts> {
  try {
    await validateSavedCredentials(api, servicePrincipalId, jobId);
    return { checked: true, valid: true };
  } catch (error) {
    if (isGraphRequestError(error) && error.kind === "invalid") {
      return { checked: true, valid: false, code: error.code, message: error.graphMessage };
    }
    throw error;
  }
}

async function inspectSource(input: InspectTenantPairInput, since: Date) {
  const api = createGraphClient(input.sourceTenantId);
  const { servicePrincipalId, jobId } = input;
  const [partner, servicePrincipal] = await Promise.all([
    undefinedWhenNotFound(getPartner(api, input.targetTenantId)),
    servicePrincipalId === null ? undefined : undefinedWhenNotFound(getServicePrincipal(api, servicePrincipalId)),
  ]);
  const notChecked: CredentialFacts = { checked: false };
  if (servicePrincipal === undefined || servicePrincipalId === null || jobId === null) {
    return {
      partner,
      servicePrincipalExists: servicePrincipal !== undefined,
      job: null,
      credentials: notChecked,
      failures: [],
    };
  }
  const job = await undefinedWhenNotFound(getJob(api, servicePrincipalId, jobId));
  const [credentials, failures] = await Promise.all([
    job === undefined ? notChecked : checkSavedCredentials(api, servicePrincipalId, jobId),
    groupProvisioningFailures(api, jobId, since),
  ]);
  return {
    partner,
    servicePrincipalExists: true,
    job: job === undefined ? null : toJobFacts(job, jobId),
    credentials,
    failures,
  };
}

async function inspectTarget(input: InspectTenantPairInput) {
  const api = createGraphClient(input.targetTenantId);
  const [partner, policy] = await Promise.all([
    undefinedWhenNotFound(getPartner(api, input.sourceTenantId)),
    undefinedWhenNotFound(getIdentitySynchronization(api, input.sourceTenantId)),
  ]);
  return { partner, policy };
}

function flag(value: boolean | null | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

/**
 * Reads the state of a managed pair from Graph and returns it as plain facts, without judging them. The facts are the
 * sync service principal and job, a validation of the saved credentials, recent provisioning failures grouped by
 * error code, and the three policy flags the sync depends on. Nothing in either tenant changes.
 */
export const inspectTenantPairHandler = defineActivity<InspectTenantPairInput, TenantPairFacts>(
  ActivityNames.inspectTenantPair,
  async (input) => {
    const inspectedAt = new Date();
    const since = new Date(inspectedAt.getTime() - PROVISIONING_LOG_WINDOW_MINUTES * 60_000);
    const [source, target] = await Promise.all([inspectSource(input, since), inspectTarget(input)]);
    return {
      inspectedAt: inspectedAt.toISOString(),
      registeredAt: input.registeredAt,
      servicePrincipalExists: source.servicePrincipalExists,
      job: source.job,
      credentials: source.credentials,
      provisioningFailures: source.failures,
      provisioningLogSince: since.toISOString(),
      targetIsSyncAllowed: flag(target.policy?.userSyncInbound?.isSyncAllowed),
      targetInboundAllowed: flag(target.partner?.automaticUserConsentSettings?.inboundAllowed),
      sourceOutboundAllowed: flag(source.partner?.automaticUserConsentSettings?.outboundAllowed),
    };
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    targetTenantId: input.targetTenantId,
    servicePrincipalId: input.servicePrincipalId,
    jobId: input.jobId,
  }),
);

registerActivity(ActivityNames.inspectTenantPair, inspectTenantPairHandler);
