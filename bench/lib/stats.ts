// Distribution summaries for the benchmark figures.

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of an ascending-sorted array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, max: sorted.at(-1) ?? Number.NaN };
}

/** Rounds for the result file: `digits` decimals. */
export const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Wall-clock ms with sub-ms precision, comparable across processes (as the demo model stamps deltas). */
export const nowMs = () => performance.timeOrigin + performance.now();
