import { normalQuantile, normalSf, twoSidedP } from '../normal.js';

export interface ProportionDiff {
  /** p₁ − p₂. */
  readonly diff: number;
  /** Newcombe's hybrid score interval for p₁ − p₂ (Newcombe 1998, method 10). */
  readonly ci: readonly [number, number];
  /** Two-sided pooled z-test p-value (statsmodels proportions_ztest). */
  readonly pValue: number;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927), as
 * `statsmodels.stats.proportion.proportion_confint(count, nobs, alpha, method='wilson')`. Note the
 * third argument is alpha (0.05 for a 95% interval). Counts may be fractional (a rate times a size).
 * @throws RangeError when nobs ≤ 0 or count is outside [0, nobs]
 */
export function wilsonInterval(count: number, nobs: number, alpha = 0.05): [number, number] {
  if (!(nobs > 0) || count < 0 || count > nobs) throw new RangeError(`wilsonInterval: need 0 ≤ count ≤ nobs and nobs > 0 (count ${count}, nobs ${nobs})`);
  const z = normalQuantile(1 - alpha / 2);
  const p = count / nobs;
  const z2 = z * z;
  const center = (p + z2 / (2 * nobs)) / (1 + z2 / nobs);
  const half = (z * Math.sqrt((p * (1 - p)) / nobs + z2 / (4 * nobs * nobs))) / (1 + z2 / nobs);
  // At count = 0 or count = nobs the algebra gives the bound exactly 0 or 1; clamp away rounding noise.
  return [count === 0 ? 0 : Math.max(0, center - half), count === nobs ? 1 : Math.min(1, center + half)];
}

/**
 * Difference of two independent proportions with Newcombe's (1998) hybrid score interval —
 * `statsmodels confint_proportions_2indep(c1, n1, c2, n2, method='newcomb')` — and the pooled
 * two-proportion z-test. Counts may be fractional (weighted estimates times effective sizes).
 * Newcombe, R. G. (1998), "Interval estimation for the difference between independent proportions:
 * comparison of eleven methods", Statistics in Medicine 17:873–890.
 * @throws RangeError on an empty sample or a count outside [0, n]
 * @example twoProportions(470, 500, 425, 500).diff // 0.09
 */
export function twoProportions(count1: number, n1: number, count2: number, n2: number, alpha = 0.05): ProportionDiff {
  const p1 = count1 / n1;
  const p2 = count2 / n2;
  const [l1, u1] = wilsonInterval(count1, n1, alpha);
  const [l2, u2] = wilsonInterval(count2, n2, alpha);
  const diff = p1 - p2;
  const lower = diff - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = diff + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  const pooled = (count1 + count2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const pValue = se === 0 ? (diff === 0 ? 1 : 0) : twoSidedP(diff / se);
  return { diff, ci: [lower, upper], pValue };
}

/**
 * One-sided pooled two-proportion z-test of p₁ > p₂: statsmodels `proportions_ztest([c1, c2], [n1, n2],
 * alternative='larger')`. Counts may be fractional. With no variance at all (both shares 0 or 1) the
 * p-value is 0 when p₁ > p₂ and 1 otherwise.
 */
export function proportionsZTestLarger(count1: number, n1: number, count2: number, n2: number): number {
  const diff = count1 / n1 - count2 / n2;
  const pooled = (count1 + count2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se === 0 ? (diff > 0 ? 0 : 1) : normalSf(diff / se);
}
