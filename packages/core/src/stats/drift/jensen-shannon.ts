import { shares } from './psi.js';

/**
 * Jensen–Shannon distance, base 2, between two distributions given as counts or weights over the
 * same categories: sqrt(½ KL(p‖m) + ½ KL(q‖m)), m = (p + q)/2, after normalizing each to sum 1 —
 * exactly `scipy.spatial.distance.jensenshannon(p, q, base=2)`. Range [0, 1]; a metric.
 * @throws RangeError when lengths differ, a weight is negative, or a side sums to 0
 * @example jensenShannonDistance([1, 0], [0, 1]) // 1
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('jensenShannonDistance: p and q must have the same length');
  const a = shares(p, 'p');
  const b = shares(q, 'q');
  let divergence = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i] ?? 0;
    const bi = b[i] ?? 0;
    const m = (ai + bi) / 2;
    if (ai > 0) divergence += 0.5 * ai * Math.log2(ai / m);
    if (bi > 0) divergence += 0.5 * bi * Math.log2(bi / m);
  }
  return Math.sqrt(Math.max(0, divergence));
}
