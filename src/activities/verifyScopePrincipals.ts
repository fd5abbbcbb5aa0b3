import { createGraphClient } from "../graph/graphClient";
import { readScopeGroup, readScopeUser } from "../graph/scopePrincipals";
import { ActivityNames } from "../shared/activityNames";
import type { VerifyScopePrincipalsInput, VerifyScopePrincipalsOutput } from "../shared/onboardingContracts";
import { defineActivity, registerActivity } from "./support/defineActivity";
import { mapWithConcurrency } from "./support/mapWithConcurrency";
import { scopeProblemsError } from "./support/scopeProblems";

/**
 * Maximum Graph reads in flight at once, so that 1000 ids take seconds rather than minutes. The Graph client retries a
 * throttled read (429) after its `Retry-After`.
 * NOTE: this is an estimate, not measured against live Graph's throttling limits.
 */
const MAX_CONCURRENT_READS = 8;

/** Drops repeats that differ only in case, keeping the first spelling. */
function uniqueIds(ids: readonly string[]): string[] {
  const unique = new Map<string, string>();
  for (const id of ids) {
    if (!unique.has(id.toLowerCase())) {
      unique.set(id.toLowerCase(), id);
    }
  }
  return [...unique.values()];
}

/**
 * Reads every requested user and group in the source tenant and changes nothing. Throws one `ScopePrincipalsError`
 * that lists the ids Graph returned 404 for, or that reports a scope of guests only. Any other Graph failure is thrown
 * as it is, so a transient error is retried and a 403 names the missing permission.
 */
export const verifyScopePrincipalsHandler = defineActivity<VerifyScopePrincipalsInput, VerifyScopePrincipalsOutput>(
  ActivityNames.verifyScopePrincipals,
  async (input) => {
    const api = createGraphClient(input.sourceTenantId);
    const userIds = uniqueIds(input.users);
    const groupIds = uniqueIds(input.groups);
    const users = await mapWithConcurrency(userIds, MAX_CONCURRENT_READS, (id) => readScopeUser(api, id));
    const groups = await mapWithConcurrency(groupIds, MAX_CONCURRENT_READS, (id) => readScopeGroup(api, id));

    const foundUsers = users.filter((user) => user !== undefined);
    const guestUsers = foundUsers.filter((user) => user.userType?.toLowerCase() === "guest").length;
    const error = scopeProblemsError({
      requestedUsers: userIds.length,
      requestedGroups: groupIds.length,
      missingUsers: userIds.filter((_id, index) => users[index] === undefined),
      missingGroups: groupIds.filter((_id, index) => groups[index] === undefined),
      guestUsers,
    });
    if (error !== undefined) {
      throw error;
    }
    return {
      users: foundUsers.length,
      guestUsers,
      disabledUsers: foundUsers.filter((user) => user.accountEnabled === false).length,
      groups: groups.length,
    };
  },
  (input) => ({ sourceTenantId: input.sourceTenantId, users: input.users.length, groups: input.groups.length }),
);

registerActivity(ActivityNames.verifyScopePrincipals, verifyScopePrincipalsHandler);
