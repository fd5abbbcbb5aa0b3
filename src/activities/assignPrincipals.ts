import type { AppRoleAssignment } from "@microsoft/microsoft-graph-types";

import { assignAppRole, listAppRoleAssignedTo } from "../graph/assignments";
import type { GraphApi } from "../graph/graphApi";
import { createGraphClient } from "../graph/graphClient";
import { isGraphRequestError } from "../graph/graphRequestError";
import { isGuid } from "../graph/guid";
import { whileReplicating } from "../graph/replication";
import { ActivityNames } from "../shared/activityNames";
import type { AssignPrincipalsInput, AssignPrincipalsOutput, PrincipalAssignment } from "../shared/onboardingContracts";
import type { ActivityLog } from "../telemetry/activityLog";
import { LogEvents } from "../telemetry/logEvents";
import { defineActivity, registerActivity } from "./support/defineActivity";

interface RequestedPrincipal {
  principalId: string;
  principalType: PrincipalAssignment["principalType"];
}

/** Users then groups, without repeats; throws before any write when an id is not a GUID. */
function requestedPrincipals(input: AssignPrincipalsInput): RequestedPrincipal[] {
  const invalid = [...input.users, ...input.groups].filter((id) => !isGuid(id));
  if (invalid.length > 0) {
    const names = invalid.map((id) => `'${id}'`).join(", ");
    throw new TypeError(`Invalid principal id(s) ${names}: expected object ids (GUIDs).`);
  }
  const seen = new Set<string>();
  const principals: RequestedPrincipal[] = [];
  for (const [ids, principalType] of [
    [input.users, "User"],
    [input.groups, "Group"],
  ] as const) {
    for (const id of ids) {
      if (!seen.has(id.toLowerCase())) {
        seen.add(id.toLowerCase());
        principals.push({ principalId: id, principalType });
      }
    }
  }
  return principals;
}

function findAssignment(assignments: AppRoleAssignment[], principalId: string, appRoleId: string) {
  return assignments.find(
    (assignment) =>
      assignment.principalId?.toLowerCase() === principalId.toLowerCase() &&
      assignment.appRoleId?.toLowerCase() === appRoleId.toLowerCase(),
  );
}

async function assignOne(
  api: GraphApi,
  input: AssignPrincipalsInput,
  principal: RequestedPrincipal,
  log: ActivityLog,
): Promise<PrincipalAssignment> {
  try {
    const created = await assignAppRole(api, input.servicePrincipalId, principal.principalId, input.appRoleId);
    if (created?.id) {
      log.event(LogEvents.objectCreated, { objectType: "appRoleAssignment", id: created.id, ...principal });
      return { ...principal, assignmentId: created.id, created: true };
    }
  } catch (error) {
    if (!isGraphRequestError(error)) {
      throw error;
    }
    // Graph rejects a duplicate with the same 400 code as other bad requests, so the list tells them apart. It also
    // shows an assignment that a failed create made anyway.
    const current = await listAppRoleAssignedTo(api, input.servicePrincipalId);
    const existing = findAssignment(current, principal.principalId, input.appRoleId);
    if (existing?.id) {
      const created = error.kind !== "invalid";
      log.event(created ? LogEvents.objectCreated : LogEvents.principalAlreadyAssigned, {
        id: existing.id,
        ...principal,
        afterError: error.code,
      });
      return { ...principal, assignmentId: existing.id, created };
    }
    throw error.kind === "invalid" || error.kind === "notFound"
      ? error.withContext(`${principal.principalType} ${principal.principalId} could not be assigned`)
      : error;
  }
  throw new Error(`Assigning ${principal.principalType} ${principal.principalId} returned no assignment id.`);
}

/**
 * Assigns each requested user and group to the sync service principal's `msiam_access` role, which puts it in the
 * sync scope. Principals that already hold the role keep their assignment; other assignments are left alone.
 */
export const assignPrincipalsHandler = defineActivity<AssignPrincipalsInput, AssignPrincipalsOutput>(
  ActivityNames.assignPrincipals,
  async (input, log) => {
    const principals = requestedPrincipals(input);
    const api = createGraphClient(input.sourceTenantId);
    // A 404 here is the new service principal replicating. Once this list works, a 404 from the assignment itself
    // means the user or group does not exist.
    const existing = await whileReplicating(listAppRoleAssignedTo(api, input.servicePrincipalId));
    const assignments: PrincipalAssignment[] = [];
    for (const principal of principals) {
      const found = findAssignment(existing, principal.principalId, input.appRoleId);
      if (found?.id) {
        log.event(LogEvents.principalAlreadyAssigned, { id: found.id, ...principal });
        assignments.push({ ...principal, assignmentId: found.id, created: false });
      } else {
        assignments.push(await assignOne(api, input, principal, log));
      }
    }
    return { assignments };
  },
  (input) => ({ servicePrincipalId: input.servicePrincipalId, users: input.users.length, groups: input.groups.length }),
);

registerActivity(ActivityNames.assignPrincipals, assignPrincipalsHandler);
