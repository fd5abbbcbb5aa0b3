import type * as df from "durable-functions";

import { ActivityNames } from "../../shared/activityNames";
import type { VerifyScopePrincipalsOutput } from "../../shared/onboardingContracts";
import type { OnboardingRequest } from "../../shared/onboardingRequest";
import type { OnboardingRun } from "./onboardingRun";

/**
 * Checks before any write that every requested user and group exists in the source tenant, and that the scope is not
 * made of guests only. A bad scope would otherwise fail at `assignPrincipals`, after the whole setup, and be rolled back.
 */
export function* verifyScopePrincipals(
  run: OnboardingRun,
  request: OnboardingRequest,
): Generator<df.Task, VerifyScopePrincipalsOutput, unknown> {
  const step = "verifyScopePrincipals";
  const found = yield* run.call(step, ActivityNames.verifyScopePrincipals, {
    sourceTenantId: request.sourceTenantId,
    users: request.scope.users,
    groups: request.scope.groups,
  });
  run.succeed(step, describeFound(found));
  return found;
}

function describeFound(found: VerifyScopePrincipalsOutput): string {
  const notes = [
    found.guestUsers > 0 ? `${found.guestUsers} guest` : undefined,
    found.disabledUsers > 0 ? `${found.disabledUsers} disabled` : undefined,
  ].filter((note) => note !== undefined);
  const users = `${found.users} ${found.users === 1 ? "user" : "users"}${notes.length > 0 ? ` (${notes.join(", ")})` : ""}`;
  return `found ${users} and ${found.groups} ${found.groups === 1 ? "group" : "groups"} in the source tenant`;
}
