import type { Group, User } from "@microsoft/microsoft-graph-types";

import type { GraphApi } from "./graphApi";
import { undefinedWhenNotFound } from "./notFound";

/** The user properties that decide whether a user can be put in the sync scope. */
export type ScopeUser = Pick<User, "id" | "userType" | "accountEnabled">;

/**
 * Reads a user by object id. Returns undefined when Graph returns 404, because the id names no user in the tenant.
 * @throws GraphRequestError for any other failure.
 */
export function readScopeUser(api: GraphApi, userId: string): Promise<ScopeUser | undefined> {
  const request = api.get<ScopeUser>(`/users/${encodeURIComponent(userId)}`, { $select: "id,userType,accountEnabled" });
  return undefinedWhenNotFound(request);
}

/**
 * Reads a group by object id. Returns undefined when Graph returns 404, because the id names no group in the tenant.
 * @throws GraphRequestError for any other failure.
 */
export function readScopeGroup(api: GraphApi, groupId: string): Promise<Pick<Group, "id"> | undefined> {
  return undefinedWhenNotFound(api.get<Pick<Group, "id">>(`/groups/${encodeURIComponent(groupId)}`, { $select: "id" }));
}
