import type { OffboardingRequest } from "../../shared/offboardingRequest";

/**
 * Checks the orchestration input's shape. The HTTP starter validates requests in full; this check makes an instance
 * started some other way fail with a clear message before any step.
 */
export function readOffboardingRequest(input: unknown): OffboardingRequest {
  const problems: string[] = [];
  const value = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  for (const field of ["sourceTenantId", "targetTenantId"]) {
    if (typeof value[field] !== "string" || value[field] === "") {
      problems.push(`${field} must be a non-empty string`);
    }
  }
  if (typeof value.keepSyncedUsers !== "boolean") {
    problems.push("keepSyncedUsers must be a boolean");
  }
  const seconds = value.deprovisionTimeoutSeconds;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
    problems.push("deprovisionTimeoutSeconds must be a number of seconds");
  }
  if (problems.length > 0) {
    throw new TypeError(`Invalid offboarding input: ${problems.join("; ")}.`);
  }
  return value as unknown as OffboardingRequest;
}
