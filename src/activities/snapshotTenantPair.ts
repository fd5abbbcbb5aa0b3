import type { Application } from "@microsoft/microsoft-graph-types";

import { findServicePrincipalsByAppId, findSyncApplications } from "../graph/applications";
import { listAppRoleAssignedTo } from "../graph/assignments";
import type { GraphApi } from "../graph/graphApi";
import { createGraphClient } from "../graph/graphClient";
import { undefinedWhenNotFound } from "../graph/notFound";
import { getIdentitySynchronization, getPartner } from "../graph/partners";
import { AZURE2AZURE_TEMPLATE_ID, listJobs } from "../graph/synchronization";
import { ActivityNames } from "../shared/activityNames";
import type { SnapshotApplication, SnapshotTenantPairInput, TenantPairSnapshot } from "../shared/tenantPairSnapshot";
import { defineActivity, registerActivity } from "./support/defineActivity";

function flag(value: boolean | null | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

async function snapshotApplication(api: GraphApi, application: Application): Promise<SnapshotApplication | undefined> {
  if (!application.id || !application.appId) {
    return undefined;
  }
  const servicePrincipalId = (await findServicePrincipalsByAppId(api, application.appId))[0]?.id ?? null;
  const snapshot: SnapshotApplication = {
    applicationId: application.id,
    appId: application.appId,
    servicePrincipalId,
    jobIds: null,
    assignments: null,
  };
  if (servicePrincipalId === null) {
    return snapshot;
  }
  const [jobs, assignments] = await Promise.all([
    undefinedWhenNotFound(listJobs(api, servicePrincipalId)),
    undefinedWhenNotFound(listAppRoleAssignedTo(api, servicePrincipalId)),
  ]);
  if (jobs !== undefined) {
    snapshot.jobIds = jobs.flatMap((job) => (job.templateId === AZURE2AZURE_TEMPLATE_ID && job.id ? [job.id] : []));
  }
  if (assignments !== undefined) {
    snapshot.assignments = assignments.flatMap((assignment) =>
      assignment.id && assignment.principalId
        ? [{ assignmentId: assignment.id, principalId: assignment.principalId }]
        : [],
    );
  }
  return snapshot;
}

async function snapshotSource(input: SnapshotTenantPairInput) {
  const api = createGraphClient(input.sourceTenantId);
  const [partner, applications] = await Promise.all([
    undefinedWhenNotFound(getPartner(api, input.targetTenantId)),
    findSyncApplications(api, input.configurationName),
  ]);
  const syncApplications: SnapshotApplication[] = [];
  for (const application of applications) {
    const snapshot = await snapshotApplication(api, application);
    if (snapshot !== undefined) {
      syncApplications.push(snapshot);
    }
  }
  return { partner, syncApplications };
}

async function snapshotTarget(input: SnapshotTenantPairInput) {
  const api = createGraphClient(input.targetTenantId);
  const partner = await undefinedWhenNotFound(getPartner(api, input.sourceTenantId));
  // The policy lives under the partner configuration, so without one there is no policy to read.
  const policy =
    partner === undefined
      ? undefined
      : await undefinedWhenNotFound(getIdentitySynchronization(api, input.sourceTenantId));
  return { partner, policy };
}

/**
 * Reads what the onboarding of a pair would touch, before the run writes anything: both partner configurations with
 * their consent flags, the identity synchronization policy, and the sync applications with the run's configuration
 * name, with their service principals, jobs and assignments. A 404 means "absent". Nothing in either tenant changes.
 *
 * NOTE: an object that Graph still hides while it replicates (one made seconds before by someone else or an earlier
 * run) reads as absent, so the run then counts it as its own.
 */
export const snapshotTenantPairHandler = defineActivity<SnapshotTenantPairInput, TenantPairSnapshot>(
  ActivityNames.snapshotTenantPair,
  async (input) => {
    const [source, target] = await Promise.all([snapshotSource(input), snapshotTarget(input)]);
    return {
      targetPartner: {
        exists: target.partner !== undefined,
        inboundAllowed: flag(target.partner?.automaticUserConsentSettings?.inboundAllowed),
      },
      identitySynchronization: {
        exists: target.policy !== undefined,
        isSyncAllowed: flag(target.policy?.userSyncInbound?.isSyncAllowed),
      },
      sourcePartner: {
        exists: source.partner !== undefined,
        outboundAllowed: flag(source.partner?.automaticUserConsentSettings?.outboundAllowed),
      },
      syncApplications: source.syncApplications,
    };
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    targetTenantId: input.targetTenantId,
    configurationName: input.configurationName,
  }),
);

registerActivity(ActivityNames.snapshotTenantPair, snapshotTenantPairHandler);
