import type { TenantPairRecord } from "../registry/tenantPairRecord";
import type { ProblemDetails } from "./problemDetails";
import { ProblemTypes } from "./problemDetails";

/** The configuration name a new onboarding must use, or the problem when the request names another one. */
export type ConfigurationNameDecision = { ok: true; name: string | undefined } | { ok: false; problem: ProblemDetails };

/**
 * Decides the configuration name of a rerun. Onboarding finds its sync application by template id and this name, so a
 * rerun under another name would create a second application beside the pair's current one. A pair with a recorded
 * sync application therefore keeps its name: an omitted name takes the recorded one, and a different name is
 * rejected. Display names compare without regard to case, as Graph's `eq` filter on them does. An offboarded pair has
 * no application left and takes any name.
 */
export function configurationNameForPair(
  requested: string | undefined,
  record: Pick<TenantPairRecord, "state" | "applicationId" | "configurationName"> | undefined,
): ConfigurationNameDecision {
  if (record === undefined || record.state === "offboarded" || record.applicationId === null) {
    return { ok: true, name: requested };
  }
  if (requested === undefined) {
    return { ok: true, name: record.configurationName };
  }
  if (requested.toLowerCase() === record.configurationName.toLowerCase()) {
    return { ok: true, name: requested };
  }
  return {
    ok: false,
    problem: {
      type: ProblemTypes.configurationNameConflict,
      title: "The tenant pair already has a sync application under another name.",
      status: 409,
      detail:
        `The pair's sync application ${record.applicationId} is named '${record.configurationName}'. Onboard again ` +
        "with that configurationName (or none), or offboard the pair first to start over under a new name.",
      applicationId: record.applicationId,
      configurationName: record.configurationName,
    },
  };
}
