import type { Application } from "@microsoft/microsoft-graph-types";

import { findServicePrincipalsByAppId, findSyncApplications } from "../graph/applications";
import { deleteApplication, deleteServicePrincipal } from "../graph/deletions";
import type { GraphApi } from "../graph/graphApi";
import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type {
  RemoveDuplicateSyncApplicationsInput,
  RemoveDuplicateSyncApplicationsOutput,
  RemovedSyncApplication,
} from "../shared/onboardingContracts";
import type { ActivityLog } from "../telemetry/activityLog";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { deleteObject } from "./support/deleteObject";

/**
 * Deletes the sync applications that an earlier attempt of `createSyncApplication` made in this run. Graph hides a
 * new application from list queries while it replicates. So when the host dies after an instantiate but before its
 * result is recorded, the step runs again, finds nothing and instantiates a second application with the same name.
 *
 * The orchestrator calls this once the kept service principal is readable. A duplicate has the sync template, the
 * run's configuration name, another object id, no place in the run's snapshot of applications that existed before
 * its first write, and a `createdDateTime` at or after the run's start. The time bound also spares an application
 * that was made before the run but that replication hid from the snapshot. Each duplicate's service principal is
 * deleted first, then the application. A 404 counts as already deleted, so a retry changes nothing more.
 *
 * NOTE: a duplicate that is still hidden by replication when this runs stays in place. Every duplicate was created
 * before the kept application, so it is usually visible by then. An application that someone else made with the same
 * template and name after the run started is deleted too.
 */
export const removeDuplicateSyncApplicationsHandler = defineActivity<
  RemoveDuplicateSyncApplicationsInput,
  RemoveDuplicateSyncApplicationsOutput
>(
  ActivityNames.removeDuplicateSyncApplications,
  async (input, log) => {
    const api = createGraphClient(input.sourceTenantId);
    const createdSince = startOfSecond(input.createdSince);
    const applications = await findSyncApplications(api, input.configurationName);
    const keep = new Set([input.keepApplicationId, ...input.preexistingApplicationIds]);
    const removed: RemovedSyncApplication[] = [];
    for (const application of applications) {
      if (isDuplicate(application, keep, createdSince)) {
        removed.push(await removeDuplicate(api, application, log));
      }
    }
    return { removed };
  },
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    configurationName: input.configurationName,
    keepApplicationId: input.keepApplicationId,
    createdSince: input.createdSince,
    preexistingApplications: input.preexistingApplicationIds.length,
  }),
);

/**
 * Graph reports `createdDateTime` of applications in whole seconds, so an application created in the run's first
 * second may read as older than the run. The bound is therefore rounded down to the second.
 */
function startOfSecond(isoTime: string): number {
  const time = Date.parse(isoTime);
  if (Number.isNaN(time)) {
    throw new TypeError(`createdSince must be an ISO 8601 time, got '${isoTime}'.`);
  }
  return Math.floor(time / 1000) * 1000;
}

function isDuplicate(application: Application, keep: ReadonlySet<string>, createdSince: number): boolean {
  if (!application.id || !application.appId || keep.has(application.id)) {
    return false;
  }
  const created = Date.parse(application.createdDateTime ?? "");
  // An application without a readable creation time cannot be shown to belong to this run, so it stays.
  return !Number.isNaN(created) && created >= createdSince;
}

async function removeDuplicate(
  api: GraphApi,
  application: Application,
  log: ActivityLog,
): Promise<RemovedSyncApplication> {
  const applicationId = application.id as string;
  const appId = application.appId as string;
  log.event(LogEvents.duplicateApplicationFound, {
    id: applicationId,
    appId,
    createdDateTime: application.createdDateTime ?? null,
  });
  // Deleting the application deletes its service principal too, so one that is not visible yet, or that a retried
  // call deleted already, goes with the application.
  const servicePrincipals = await findServicePrincipalsByAppId(api, appId);
  for (const servicePrincipal of servicePrincipals) {
    if (servicePrincipal.id) {
      await deleteObject(deleteServicePrincipal(api, servicePrincipal.id), log, {
        objectType: "servicePrincipal",
        id: servicePrincipal.id,
      });
    }
  }
  await deleteObject(deleteApplication(api, applicationId), log, { objectType: "application", id: applicationId });
  return { applicationId, appId, servicePrincipalId: servicePrincipals[0]?.id ?? null };
}

registerActivity(ActivityNames.removeDuplicateSyncApplications, removeDuplicateSyncApplicationsHandler);
