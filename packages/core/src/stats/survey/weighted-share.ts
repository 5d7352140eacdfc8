import { wilsonInterval } from '../drift/two-proportions.js';

export interface WeightedShare {
  /** Σ w·y / Σ w, in [0, 1]. */
  readonly share: number;
  /** Kish's effective sample size (Σw)²/Σw² (Kish 1965, "Survey Sampling", §11.7). */
  readonly nEffective: number;
  /** Wilson interval on the effective sample size (Korn & Graubard 1998, "Confidence intervals for proportions with small expected number of positive counts estimated from survey data", Survey Methodology 24:193–201). */
  readonly ci: [number, number];
}

/**
 * Kish's effective sample size of a set of weights, (Σw)²/Σw²: equal weights give n, unequal ones
 * fewer. 0 for no weight.
 * @example kishEffectiveSize([1, 1, 2, 4]) // 64 / 22 ≈ 2.909
 */
export function kishEffectiveSize(weights: readonly number[]): number {
  let w = 0;
  let w2 = 0;
  for (const x of weights) {
    w += x;
    w2 += x * x;
  }
  return w2 > 0 ? (w * w) / w2 : 0;
}

/**
 * The weighted share of items where `hit` is true, with a Wilson interval on Kish's effective
 * sample size: the usual way to put an interval on a share estimated from a weighted sample.
 * @throws RangeError when no item has a positive weight
 */
export function weightedShare(weights: readonly number[], hit: readonly boolean[], alpha = 0.05): WeightedShare {
  let w = 0;
  let wy = 0;
  weights.forEach((x, i) => {
    w += x;
    if (hit[i] === true) wy += x;
  });
  if (!(w > 0)) throw new RangeError('weightedShare: no positive weight');
  const share = wy / w;
  const nEffective = kishEffectiveSize(weights);
  return { share, nEffective, ci: wilsonInterval(share * nEffective, nEffective, alpha) };
}
