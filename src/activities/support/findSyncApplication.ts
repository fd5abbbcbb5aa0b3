import type { Application } from "@microsoft/microsoft-graph-types";

import { findServicePrincipalsByAppId, findSyncApplications } from "../../graph/applications";
import type { GraphApi } from "../../graph/graphApi";
import { GraphRequestError } from "../../graph/graphRequestError";
import type { SyncApplication } from "../../shared/onboardingContracts";

/**
 * Finds the sync application made earlier for this configuration name, with its service principal. When several
 * match, the oldest is taken so that every run picks the same one.
 * @returns undefined when no application from the sync template has this name.
 * @throws GraphRequestError of kind `transient` when the application exists but its service principal is not yet
 * visible by `appId`. The contract needs the service principal's id, and replication makes it visible within
 * minutes, so a durable retry of the step adopts both then.
 */
export async function findSyncApplication(
  api: GraphApi,
  configurationName: string,
  created: boolean,
): Promise<SyncApplication | undefined> {
  const applications = await findSyncApplications(api, configurationName);
  const application = oldest(applications);
  if (!application?.id || !application.appId) {
    return undefined;
  }
  const servicePrincipals = await findServicePrincipalsByAppId(api, application.appId);
  const servicePrincipalId = servicePrincipals[0]?.id;
  if (!servicePrincipalId) {
    throw new GraphRequestError({
      kind: "transient",
      code: "ServicePrincipalNotVisible",
      method: "GET",
      path: "/servicePrincipals",
      graphMessage:
        `Application ${application.id} (appId ${application.appId}) has no service principal visible yet; ` +
        "it may still be replicating.",
    });
  }
  return { applicationId: application.id, appId: application.appId, servicePrincipalId, created };
}

function oldest(applications: Application[]): Application | undefined {
  return [...applications].sort((a, b) => (a.createdDateTime ?? "").localeCompare(b.createdDateTime ?? ""))[0];
}
