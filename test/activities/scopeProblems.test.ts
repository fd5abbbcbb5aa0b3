import { describe, expect, it } from "vitest";

import { MAX_LISTED_IDS, scopeProblemsError, type ScopeFindings } from "../../src/activities/support/scopeProblems";
import { MAX_STATUS_TEXT_LENGTH } from "../../src/orchestrators/onboarding/stepStatus";

function ids(prefix: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${prefix}-0000-4000-8000-${index.toString(16).padStart(12, "0")}`,
  );
}

function findings(overrides: Partial<ScopeFindings>): ScopeFindings {
  return { requestedUsers: 0, requestedGroups: 0, missingUsers: [], missingGroups: [], guestUsers: 0, ...overrides };
}

describe("scopeProblemsError", () => {
  it("returns nothing when every principal exists", () => {
    expect(scopeProblemsError(findings({ requestedUsers: 2, requestedGroups: 1 }))).toBeUndefined();
  });

  it("fits the status text limit in the worst case", () => {
    const worst = findings({
      requestedUsers: 1000,
      requestedGroups: 1000,
      missingUsers: ids("0000dead", 1000),
      missingGroups: ids("1111dead", 1000),
    });
    const message = scopeProblemsError(worst)?.message ?? "";
    expect(message.length).toBeLessThanOrEqual(MAX_STATUS_TEXT_LENGTH);
    expect(message).toContain("and 996 more); 1000 of 1000 groups");
  });

  it("fits the limit with missing ids and only guests", () => {
    const worst = findings({
      requestedUsers: 1000,
      requestedGroups: 1000,
      missingUsers: ids("0000dead", 999),
      missingGroups: ids("1111dead", 1000),
      guestUsers: 1,
    });
    const message = scopeProblemsError(worst)?.message ?? "";
    expect(message).toContain("Every user found has userType Guest");
    expect(message).toContain("and 996 more); 1000 of 1000 groups");
    expect(message.length).toBeLessThanOrEqual(MAX_STATUS_TEXT_LENGTH);
  });

  it("gives unused list places to the other kind", () => {
    const users = ids("0000dead", 20);
    const groups = ids("1111dead", 2);
    const message = scopeProblemsError(
      findings({ requestedUsers: 20, requestedGroups: 2, missingUsers: users, missingGroups: groups }),
    )?.message;
    expect(message).toContain(`20 of 20 users (${users.slice(0, MAX_LISTED_IDS - 2).join(", ")} and 14 more)`);
    expect(message).toContain(`2 of 2 groups (${groups.join(", ")})`);
  });

  it("treats a found group as a possible internal user", () => {
    expect(scopeProblemsError(findings({ requestedUsers: 1, requestedGroups: 1, guestUsers: 1 }))).toBeUndefined();
  });

  it("reports guests only when no group was found", () => {
    const error = scopeProblemsError(
      findings({ requestedUsers: 1, requestedGroups: 1, missingGroups: ids("1111dead", 1), guestUsers: 1 }),
    );
    expect(error?.guestsOnly).toBe(true);
    expect(error?.message).toContain("1 of 1 groups");
  });
});
