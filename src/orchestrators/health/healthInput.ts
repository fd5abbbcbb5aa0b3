import type { CheckAllTenantPairsInput, CheckTenantPairInput } from "../../shared/healthContracts";

function asObject(input: unknown): Record<string, unknown> {
  return (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
}

/**
 * Checks the input of `checkTenantPair`, so that an instance started by hand with a wrong shape fails with a clear
 * message instead of a TypeError in an activity.
 */
export function readCheckTenantPairInput(input: unknown): CheckTenantPairInput {
  const value = asObject(input);
  const target = asObject(value.target);
  const problems: string[] = [];
  for (const field of ["sourceTenantId", "targetTenantId", "state", "configurationName", "registeredAt"]) {
    if (typeof target[field] !== "string" || target[field] === "") {
      problems.push(`target.${field} must be a non-empty string`);
    }
  }
  for (const field of ["servicePrincipalId", "jobId"]) {
    if (target[field] !== null && typeof target[field] !== "string") {
      problems.push(`target.${field} must be a string or null`);
    }
  }
  if (typeof value.remediationEnabled !== "boolean") {
    problems.push("remediationEnabled must be a boolean");
  }
  if (problems.length > 0) {
    throw new TypeError(`Invalid health-check input: ${problems.join("; ")}.`);
  }
  return value as unknown as CheckTenantPairInput;
}

/** Checks the input of `checkAllTenantPairs`. */
export function readCheckAllTenantPairsInput(input: unknown): CheckAllTenantPairsInput {
  const value = asObject(input);
  const problems: string[] = [];
  if (typeof value.maxParallel !== "number" || !Number.isInteger(value.maxParallel) || value.maxParallel < 1) {
    problems.push("maxParallel must be a whole number of at least 1");
  }
  if (typeof value.remediationEnabled !== "boolean") {
    problems.push("remediationEnabled must be a boolean");
  }
  if (problems.length > 0) {
    throw new TypeError(`Invalid health-check input: ${problems.join("; ")}.`);
  }
  return value as unknown as CheckAllTenantPairsInput;
}
