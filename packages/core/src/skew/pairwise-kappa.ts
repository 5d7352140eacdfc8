import { kappaFromConfusion, type KappaWeights } from '../stats/agreement/cohen-kappa.js';
import type { SkewData } from './skew-data.js';

export interface PairwiseKappa {
  readonly weights: KappaWeights;
  readonly min_shared: number;
  readonly n_pairs: number;
  readonly median: number | null;
  readonly min: number | null;
  /** Pairs sharing at least min_shared items, lowest kappa first (at most `limit`). */
  readonly pairs: { a: string; b: string; n_shared: number; kappa: number | null }[];
}

/**
 * Cohen's kappa for every labeler pair that shares at least `minShared` items (unweighted on binary
 * and nominal scales, quadratic-weighted on ordinal ones; interval scales are not categorical and
 * get none). One pass over items accumulates each pair's confusion matrix.
 */
export function pairwiseKappa(data: SkewData, minShared: number, limit = 500): PairwiseKappa | null {
  if (data.scale.kind === 'interval') return null;
  const weights: KappaWeights = data.scale.kind === 'ordinal' ? 'quadratic' : 'none';
  const k = data.categoryValues.length;
  const nLabelers = data.labelerIds.length;
  const tables = new Map<number, Float64Array>();
  for (let i = 0; i + 1 < data.itemStart.length; i++) {
    const a = data.itemStart[i]!;
    const b = data.itemStart[i + 1]!;
    for (let p = a; p < b; p++) {
      for (let q = p + 1; q < b; q++) {
        const key = data.labeler[p]! * nLabelers + data.labeler[q]!;
        let t = tables.get(key);
        if (t === undefined) tables.set(key, (t = new Float64Array(k * k)));
        t[data.category[p]! * k + data.category[q]!]! += 1;
      }
    }
  }
  const pairs: PairwiseKappa['pairs'] = [];
  for (const [key, t] of tables) {
    let n = 0;
    for (const v of t) n += v;
    if (n < minShared) continue;
    const matrix = Array.from({ length: k }, (_, r) => Array.from(t.subarray(r * k, r * k + k)));
    const kappa = kappaFromConfusion(matrix, weights);
    pairs.push({ a: data.labelerIds[Math.floor(key / nLabelers)]!, b: data.labelerIds[key % nLabelers]!, n_shared: n, kappa: Number.isFinite(kappa) ? kappa : null });
  }
  const values = pairs.map((p) => p.kappa).filter((v): v is number => v !== null).sort((x, y) => x - y);
  pairs.sort((x, y) => (x.kappa ?? Infinity) - (y.kappa ?? Infinity) || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const mid = values.length / 2;
  return {
    weights,
    min_shared: minShared,
    n_pairs: pairs.length,
    median: values.length === 0 ? null : values.length % 2 === 1 ? values[Math.floor(mid)]! : (values[mid - 1]! + values[mid]!) / 2,
    min: values[0] ?? null,
    pairs: pairs.slice(0, limit),
  };
}
