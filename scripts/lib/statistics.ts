/**
 * Returns the `p`-th percentile (0 < p <= 100) of `values` by the nearest-rank method, so the result is always one of
 * the observed values. Returns undefined for an empty list.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p > 0 && p <= 100)) {
    throw new RangeError(`Percentile must be greater than 0 and at most 100, got ${p}.`);
  }
  if (values.length === 0) {
    return undefined;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1];
}

/** Returns the nearest-rank median: the lower of the two middle values when the count is even. */
export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50);
}
