export type PositionRow = {
  readonly position: number;
  readonly n: number;
  readonly n_compared: number;
  readonly mean_diff: number | null;
  readonly mean_score: number | null;
};

export interface PositionBucket {
  /** First and last position in the session (1-based) the bucket covers. */
  readonly from: number;
  readonly to: number;
  readonly n: number;
  /** Mean difference from co-labelers over the bucket's compared labels; null when none. */
  readonly mean_diff: number | null;
  readonly mean_score: number | null;
}

/**
 * Groups per-position means (position of a label in its labeling session) into at most
 * `maxBuckets` equal-width buckets, weighting each position by its count — the fatigue curve.
 * @example positionBuckets([{ position: 1, n: 2, n_compared: 2, mean_diff: 0, mean_score: 3 }, …], 12)
 */
export function positionBuckets(rows: readonly PositionRow[], maxBuckets = 12): PositionBucket[] {
  const last = rows.reduce((m, r) => Math.max(m, r.position), 0);
  if (last === 0) return [];
  const width = Math.max(1, Math.ceil(last / maxBuckets));
  const buckets: { n: number; nc: number; diff: number; nScore: number; score: number }[] = [];
  for (const r of rows) {
    const b = Math.floor((r.position - 1) / width);
    const acc = (buckets[b] ??= { n: 0, nc: 0, diff: 0, nScore: 0, score: 0 });
    acc.n += r.n;
    if (r.mean_diff !== null && r.n_compared > 0) {
      acc.nc += r.n_compared;
      acc.diff += r.mean_diff * r.n_compared;
    }
    if (r.mean_score !== null) {
      acc.nScore += r.n;
      acc.score += r.mean_score * r.n;
    }
  }
  const out: PositionBucket[] = [];
  for (let b = 0; b < buckets.length; b += 1) {
    const acc = buckets[b];
    if (acc === undefined) continue;
    out.push({ from: b * width + 1, to: Math.min(last, (b + 1) * width), n: acc.n, mean_diff: acc.nc > 0 ? acc.diff / acc.nc : null, mean_score: acc.nScore > 0 ? acc.score / acc.nScore : null });
  }
  return out;
}
