import { agreementWeights, type AgreementWeightKind } from './agreement-weights.js';
import { categoryCounts, rowWeight, type CategoryCounts, type Rating } from './category-counts.js';
import type { Category } from './confusion-matrix.js';

export interface GwetResult {
  /** AC1 (identity weights) or AC2 (linear/quadratic), ≤ 1. */
  readonly coefficient: number;
  /** Weighted percent agreement over items with ≥ 2 ratings. */
  readonly pa: number;
  /** Chance agreement. */
  readonly pe: number;
}

/**
 * Gwet's AC1 / AC2 for any number of raters with missing ratings (Gwet 2008, Br. J. Math. Stat.
 * Psychol. 61:29–48; Gwet 2014, Handbook of Inter-Rater Reliability, 4th ed.; R irrCAC `gwet.ac1.raw`):
 * p_a = mean over items with r_i ≥ 2 of Σ_k r_ik (r*_ik − 1) / (r_i (r_i − 1)), with r*_ik = Σ_l w_kl r_il;
 * π_k = mean over items of r_ik / r_i; p_e = T_w Σ_k π_k (1 − π_k) / (q (q − 1)), T_w = Σ w_kl.
 * AC = (p_a − p_e)/(1 − p_e). Robust to the "kappa paradox" when one class dominates.
 * @example gwetAc(units).coefficient // 0.77544 on irrCAC's cac.raw4raters
 */
export function gwetAc(
  units: readonly (readonly Rating[])[],
  options: { weights?: AgreementWeightKind; categories?: readonly Category[] } = {},
): GwetResult {
  return gwetAcFromCounts(categoryCounts(units, options.categories), options.weights ?? 'identity');
}

/** Gwet's AC from category counts with per-row weights (items a row stands for, or bootstrap draws). */
export function gwetAcFromCounts(table: CategoryCounts, kind: AgreementWeightKind, weights?: ArrayLike<number>): GwetResult {
  const { k, nRows, counts } = table;
  const w = agreementWeights(table.values, kind);
  let tw = 0;
  for (const x of w) tw += x;
  const pi = new Float64Array(k);
  let items = 0;
  let items2 = 0;
  let paSum = 0;
  for (let r = 0; r < nRows; r++) {
    const rw = rowWeight(weights, r);
    if (rw === 0) continue;
    let m = 0;
    for (let c = 0; c < k; c++) m += counts[r * k + c]!;
    if (m === 0) continue;
    items += rw;
    for (let c = 0; c < k; c++) pi[c]! += (rw * counts[r * k + c]!) / m;
    if (m < 2) continue;
    let s = 0;
    for (let c = 0; c < k; c++) {
      const n = counts[r * k + c]!;
      if (n === 0) continue;
      let star = 0;
      for (let d = 0; d < k; d++) star += w[c * k + d]! * counts[r * k + d]!;
      s += n * (star - 1);
    }
    items2 += rw;
    paSum += (rw * s) / (m * (m - 1));
  }
  if (items2 === 0 || k < 2) return { coefficient: Number.NaN, pa: Number.NaN, pe: Number.NaN };
  const pa = paSum / items2;
  let spread = 0;
  for (let c = 0; c < k; c++) {
    const p = pi[c]! / items;
    spread += p * (1 - p);
  }
  const pe = (tw * spread) / (k * (k - 1));
  return { coefficient: (pa - pe) / (1 - pe), pa, pe };
}
