import type { OnboardingRequest } from "../../shared/onboardingRequest";

/**
 * Checks the orchestration input's shape. The HTTP starter validates requests in full. This check covers an instance
 * started some other way, which then fails with a clear message instead of a TypeError deep in a step.
 */
export function readOnboardingRequest(input: unknown): OnboardingRequest {
  const problems: string[] = [];
  const value = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  for (const field of ["source", "target", "sourceTenantId", "targetTenantId"]) {
    if (typeof value[field] !== "string" || value[field] === "") {
      problems.push(`${field} must be a non-empty string`);
    }
  }
  if (value.configurationName !== undefined && typeof value.configurationName !== "string") {
    problems.push("configurationName must be a string when present");
  }
  if (value.rollbackOnFailure !== undefined && typeof value.rollbackOnFailure !== "boolean") {
    problems.push("rollbackOnFailure must be a boolean when present");
  }
  const scope = value.scope as Record<string, unknown> | undefined;
  if (!isStringArray(scope?.users) || !isStringArray(scope?.groups)) {
    problems.push("scope.users and scope.groups must be arrays of strings");
  }
  const waits = value.waits as Record<string, unknown> | undefined;
  for (const field of ["replicationTimeoutSeconds", "policyPropagationTimeoutSeconds", "firstCycleTimeoutSeconds"]) {
    const seconds = waits?.[field];
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      problems.push(`waits.${field} must be a number of seconds`);
    }
  }
  const deprovisionSeconds = waits?.deprovisionTimeoutSeconds;
  if (deprovisionSeconds !== undefined && !isSeconds(deprovisionSeconds)) {
    problems.push("waits.deprovisionTimeoutSeconds must be a number of seconds when present");
  }
  if (problems.length > 0) {
    throw new TypeError(`Invalid onboarding input: ${problems.join("; ")}.`);
  }
  return value as unknown as OnboardingRequest;
}

function isSeconds(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
