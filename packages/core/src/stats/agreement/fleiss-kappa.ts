import { rowWeight, type CategoryCounts } from './category-counts.js';

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters") for items each
 * rated by the same number n ≥ 2 of raters: κ = (P̄ − P̄_e)/(1 − P̄_e), where P_i = (Σ_j n_ij² − n)/(n(n − 1))
 * and P̄_e = Σ_j p_j² with p_j the share of all ratings in category j. κ ≤ 1. NaN when P̄_e = 1.
 * Reference: https://en.wikipedia.org/wiki/Fleiss%27_kappa (worked example: κ = 0.210).
 * @param counts items × categories: how many raters put item i in category j
 * @throws RangeError when items have different numbers of ratings, or fewer than 2
 * @example fleissKappa([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], …]) // 0.210 on the Wikipedia table
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const k = counts[0]?.length ?? 0;
  const flat = new Float64Array(counts.length * k);
  counts.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`fleissKappa: row ${i + 1} has ${row.length} categories, expected ${k}`);
    flat.set(row, i * k);
  });
  return fleissKappaFromCounts({ nRows: counts.length, k, values: new Float64Array(k), counts: flat });
}

/** Fleiss' kappa from category counts with per-row weights (items a row stands for, or bootstrap draws). */
export function fleissKappaFromCounts(table: CategoryCounts, weights?: ArrayLike<number>): number {
  const { k, nRows, counts } = table;
  let raters = -1;
  let items = 0;
  let sumP = 0;
  const p = new Float64Array(k);
  for (let r = 0; r < nRows; r++) {
    const w = rowWeight(weights, r);
    if (w === 0) continue;
    let m = 0;
    let sq = 0;
    for (let c = 0; c < k; c++) {
      const v = counts[r * k + c]!;
      m += v;
      sq += v * v;
      p[c]! += w * v;
    }
    if (raters === -1) raters = m;
    else if (m !== raters) throw new RangeError(`fleissKappa: items have different numbers of ratings (${raters} and ${m}); use Krippendorff's alpha`);
    items += w;
    sumP += (w * (sq - m)) / (m * (m - 1));
  }
  if (raters < 2) throw new RangeError('fleissKappa: needs at least 2 ratings per item');
  const pBar = sumP / items;
  let pe = 0;
  for (let c = 0; c < k; c++) pe += (p[c]! / (items * raters)) ** 2;
  if (pe === 1) return Number.NaN;
  return (pBar - pe) / (1 - pe);
}
