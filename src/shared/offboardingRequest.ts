/**
 * Input of the `offboardTenantPair` orchestration, built by the HTTP starter. It is stored in orchestration history in
 * plain text, so it must never hold a secret.
 */
export interface OffboardingRequest {
  /** Lower-case tenant id of the source. */
  sourceTenantId: string;
  /** Lower-case tenant id of the target. */
  targetTenantId: string;
  /** When true, the synced B2B users stay in the target: nothing is unassigned and no cycle is awaited. */
  keepSyncedUsers: boolean;
  /**
   * Upper bound, in seconds, of the wait for sync cycles to remove the synced users. The starter copies it from
   * `OFFBOARDING_DEPROVISION_TIMEOUT_SECONDS` because orchestrator code may not read settings.
   */
  deprovisionTimeoutSeconds: number;
}

/**
 * Derives the orchestration instance id of a pair's offboarding from the two tenant ids, so that one offboarding per
 * pair runs at a time and a repeated DELETE continues under the same id.
 */
export function offboardingInstanceId(sourceTenantId: string, targetTenantId: string): string {
  return `offboard-${sourceTenantId.toLowerCase()}-${targetTenantId.toLowerCase()}`;
}
