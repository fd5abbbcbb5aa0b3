/** Exponential delays: the first delay, doubled after each attempt, never above the maximum. */
export interface BackoffPolicy {
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

/** Polls of eventually consistent state: 2 s, 4 s, 8 s … capped at 60 s. */
export const POLL_BACKOFF: BackoffPolicy = { firstDelaySeconds: 2, maxDelaySeconds: 60 };

/** Retries of a step after a transient Graph error: 2 s, 4 s, 8 s, 16 s, so 5 attempts in all. */
export const TRANSIENT_RETRY_BACKOFF: BackoffPolicy = { firstDelaySeconds: 2, maxDelaySeconds: 30 };
export const MAX_TRANSIENT_ATTEMPTS = 5;

/** Returns the delay after the given attempt (1 = the first), in seconds. */
export function backoffDelaySeconds(attempt: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`Backoff attempt must be an integer of at least 1, got ${attempt}.`);
  }
  if (!(policy.firstDelaySeconds > 0) || !(policy.maxDelaySeconds >= policy.firstDelaySeconds)) {
    throw new RangeError(
      `Backoff delays must satisfy 0 < first <= max, got first ${policy.firstDelaySeconds} s and max ${policy.maxDelaySeconds} s.`,
    );
  }
  // Capping the exponent keeps 2 ** n finite however many attempts a long wait makes.
  const exponent = Math.min(attempt - 1, 30);
  return Math.min(policy.firstDelaySeconds * 2 ** exponent, policy.maxDelaySeconds);
}

/**
 * Returns the delay before the next poll of a bounded wait, or undefined once the wait has used up its time. The
 * last delay is shortened to end at the deadline, so that one final poll runs when the time is up.
 */
export function nextPollDelaySeconds(
  attempt: number,
  elapsedSeconds: number,
  timeoutSeconds: number,
  policy: BackoffPolicy = POLL_BACKOFF,
): number | undefined {
  const remainingSeconds = timeoutSeconds - elapsedSeconds;
  if (remainingSeconds <= 0) {
    return undefined;
  }
  return Math.min(backoffDelaySeconds(attempt, policy), remainingSeconds);
}
