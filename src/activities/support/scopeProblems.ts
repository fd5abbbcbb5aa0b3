/** Findings of the scope check in the source tenant, each id counted once. */
export interface ScopeFindings {
  requestedUsers: number;
  requestedGroups: number;
  missingUsers: readonly string[];
  missingGroups: readonly string[];
  /** Users found whose `userType` is `Guest`. */
  guestUsers: number;
}

/**
 * Maximum number of object ids written into the error, both kinds together. The status route shows the step error cut
 * to 500 characters, and eight GUIDs with the sentences around them stay below that. The sentence about guests takes
 * the place of two ids.
 */
export const MAX_LISTED_IDS = 8;
const MAX_LISTED_IDS_WITH_GUESTS = 6;

/** Error for a requested scope with users or groups that cannot be synced. No retry helps until the request changes. */
export class ScopePrincipalsError extends Error {
  override readonly name = "ScopePrincipalsError";
  readonly missingUsers: readonly string[];
  readonly missingGroups: readonly string[];
  readonly guestsOnly: boolean;

  constructor(message: string, findings: ScopeFindings, guestsOnly: boolean) {
    super(message);
    this.missingUsers = findings.missingUsers;
    this.missingGroups = findings.missingGroups;
    this.guestsOnly = guestsOnly;
  }
}

/**
 * Tells whether every principal found is a guest. Graph requires at least one internal user in the sync scope. A
 * group may contain internal users, so any group found counts as a possible internal user.
 */
export function hasOnlyGuests(findings: ScopeFindings): boolean {
  const foundUsers = findings.requestedUsers - findings.missingUsers.length;
  const foundGroups = findings.requestedGroups - findings.missingGroups.length;
  return foundGroups === 0 && foundUsers > 0 && findings.guestUsers === foundUsers;
}

/** Returns the error for what the scope check found, or undefined when every principal can be put in scope. */
export function scopeProblemsError(findings: ScopeFindings): ScopePrincipalsError | undefined {
  const { missingUsers, missingGroups } = findings;
  const guestsOnly = hasOnlyGuests(findings);
  const sentences: string[] = [];
  if (missingUsers.length > 0 || missingGroups.length > 0) {
    // Users get the places that groups leave unused, and the other way round, so one long list does not hide the other.
    const places = guestsOnly ? MAX_LISTED_IDS_WITH_GUESTS : MAX_LISTED_IDS;
    const shownGroups = Math.min(missingGroups.length, Math.max(places / 2, places - missingUsers.length));
    const shownUsers = Math.min(missingUsers.length, places - shownGroups);
    const parts = [
      listMissing(missingUsers, findings.requestedUsers, "users", shownUsers),
      listMissing(missingGroups, findings.requestedGroups, "groups", shownGroups),
    ].filter((part) => part !== undefined);
    sentences.push(`Not found in the source tenant: ${parts.join("; ")}.`);
  }
  if (guestsOnly) {
    sentences.push("Every user found has userType Guest, but Graph requires at least one internal user in the scope.");
  }
  if (sentences.length === 0) {
    return undefined;
  }
  sentences.push("Fix scope.users and scope.groups, then start the onboarding again.");
  return new ScopePrincipalsError(sentences.join(" "), findings, guestsOnly);
}

function listMissing(
  missing: readonly string[],
  requested: number,
  noun: string,
  listedCount: number,
): string | undefined {
  if (missing.length === 0) {
    return undefined;
  }
  const listed = missing.slice(0, listedCount).join(", ");
  const rest = missing.length - listedCount;
  return `${missing.length} of ${requested} ${noun} (${listed}${rest > 0 ? ` and ${rest} more` : ""})`;
}
