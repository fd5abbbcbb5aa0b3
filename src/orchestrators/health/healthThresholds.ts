/** Limits the health judge applies. Each one is a named constant so that a reader finds the reason next to it. */

/** Graph runs a cross-tenant sync cycle about every 40 minutes (schedule interval `PT40M`). */
export const SYNC_CYCLE_MINUTES = 40;

/**
 * A last successful cycle older than two cycles means at least one full cycle failed or did not run: worth a look,
 * but one slow or skipped cycle happens on a healthy job too.
 */
export const STALE_CYCLES_DEGRADED = 2;

/** Six cycles (four hours) without a successful cycle means users have stopped syncing for most of a working day. */
export const STALE_CYCLES_UNHEALTHY = 6;

/**
 * One complete failure can be a passing Graph problem. The sync service quarantines a job after repeated complete
 * failures, and three in a row (two hours) already means changes are not reaching the target.
 */
export const SUCCESSIVE_FAILURES_UNHEALTHY = 3;

/** Provisioning logs of the last three cycles are read: enough to show a recurring error, short enough to be current. */
export const PROVISIONING_LOG_WINDOW_MINUTES = 3 * SYNC_CYCLE_MINUTES;

/** Failure groups reported per pair; the rest are summed into the last finding so a result stays small. */
export const MAX_PROVISIONING_FAILURE_GROUPS = 5;
