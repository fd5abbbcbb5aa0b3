import { deleteAppRoleAssignment } from "../graph/deletions";
import { createGraphClient } from "../graph/graphClient";
import { ActivityNames } from "../shared/activityNames";
import type { CompensationOutput, RemoveAppRoleAssignmentInput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { deleteObject } from "./support/deleteObject";

/**
 * Removes an app role assignment that onboarding made, which takes the user or group out of the sync scope. A 404,
 * also when the service principal is gone, counts as removed.
 */
export const removeAppRoleAssignmentHandler = defineActivity<RemoveAppRoleAssignmentInput, CompensationOutput>(
  ActivityNames.removeAppRoleAssignment,
  (input, log) =>
    deleteObject(
      deleteAppRoleAssignment(createGraphClient(input.sourceTenantId), input.servicePrincipalId, input.assignmentId),
      log,
      { objectType: "appRoleAssignment", id: input.assignmentId, servicePrincipalId: input.servicePrincipalId },
    ),
  (input) => ({
    sourceTenantId: input.sourceTenantId,
    servicePrincipalId: input.servicePrincipalId,
    assignmentId: input.assignmentId,
  }),
);

registerActivity(ActivityNames.removeAppRoleAssignment, removeAppRoleAssignmentHandler);
