/**
 * Instance id of the health-check run of one timer tick, from the tick's scheduled time in whole UTC seconds, e.g.
 * `health-2026-12-04T16:30:00Z`. Every host that fires the same tick derives the same id.
 */
export function healthSweepInstanceId(scheduledAt: Date): string {
  return `health-${scheduledAt.toISOString().replace(/\.\d{3}Z$/, "Z")}`;
}

/** Instance id of an on-demand check of one pair, so that one such check per pair runs at a time. */
export function pairHealthCheckInstanceId(sourceTenantId: string, targetTenantId: string): string {
  return `health-check-${sourceTenantId.toLowerCase()}-${targetTenantId.toLowerCase()}`;
}
