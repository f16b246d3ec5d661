// Percentiles, medians and rounding shared by the benchmarks.

/** The nearest-rank percentile (fraction 0.5 = p50, 0.99 = p99) of some samples. */
export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

/** The median of some samples: the middle one, or the mean of the two middle ones. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A figure rounded to two decimals. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
