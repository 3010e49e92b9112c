/**
 * Nearest-rank percentiles of `values`, where `missing` more samples are known to be larger
 * than any value (orders that never finished). A percentile that falls among those is null.
 */
export function percentiles(values: number[], ps: number[], missing = 0): Array<number | null> {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length + missing;
  return ps.map((p) => {
    if (n === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * n));
    return rank > sorted.length ? null : round1(sorted[rank - 1]);
  });
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
