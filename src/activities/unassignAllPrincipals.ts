import { deleteAppRoleAssignment } from "../graph/deletions";
import { listAppRoleAssignedTo } from "../graph/assignments";
import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { isAlreadyGone } from "../graph/notFound";
import { ActivityNames } from "../shared/activityNames";
import type { ServicePrincipalInput } from "../shared/onboardingContracts";
import type { UnassignAllPrincipalsOutput } from "../shared/offboardingContracts";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

/**
 * Removes every user and group assignment of the sync service principal, whoever made it, because offboarding ends
 * sync for the pair; the next cycles then remove the synced users from the target. Assignments already gone count as
 * removed, so a second run changes nothing.
 */
export const unassignAllPrincipalsHandler = defineActivity<ServicePrincipalInput, UnassignAllPrincipalsOutput>(
  ActivityNames.unassignAllPrincipals,
  async (input, log) => {
    const api = createGraphClient(input.sourceTenantId);
    let assignments;
    try {
      assignments = await listAppRoleAssignedTo(api, input.servicePrincipalId);
    } catch (error) {
      if (isGraphRequestError(error) && error.kind === "notFound") {
        return { servicePrincipalFound: false, removedCount: 0 };
      }
      throw error;
    }
    let removedCount = 0;
    for (const assignment of assignments) {
      if (assignment.id == null) {
        continue;
      }
      const gone = await isAlreadyGone(deleteAppRoleAssignment(api, input.servicePrincipalId, assignment.id));
      const properties = {
        objectType: "appRoleAssignment",
        id: assignment.id,
        principalId: assignment.principalId ?? "",
      };
      log.event(gone ? LogEvents.objectAlreadyGone : LogEvents.objectDeleted, properties);
      removedCount += gone ? 0 : 1;
    }
    return { servicePrincipalFound: true, removedCount };
  },
  (input) => ({ sourceTenantId: input.sourceTenantId, servicePrincipalId: input.servicePrincipalId }),
);

registerActivity(ActivityNames.unassignAllPrincipals, unassignAllPrincipalsHandler);
