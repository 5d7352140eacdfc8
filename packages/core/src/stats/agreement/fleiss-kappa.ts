import { rowWeight, type CategoryCounts } from './category-counts.js';

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters"), generalized to
 * items rated by different numbers of raters as in Gwet (2014, Handbook of Inter-Rater Reliability,
 * 4th ed., ch. 2) and R irrCAC `fleiss.kappa.raw`: κ = (p_a − p_e)/(1 − p_e), where
 * p_a = mean over items with r_i ≥ 2 ratings of Σ_k r_ik(r_ik − 1)/(r_i(r_i − 1)),
 * π_k = mean over rated items of r_ik/r_i and p_e = Σ_k π_k². With the same n raters on every item
 * this is Fleiss' original κ. κ ≤ 1. NaN when p_e = 1 or no item has two ratings.
 * Reference: https://en.wikipedia.org/wiki/Fleiss%27_kappa (worked example: κ = 0.210).
 * @param counts items × categories: how many raters put item i in category j
 * @throws RangeError when rows have different numbers of categories
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
  let rated = 0;
  let paired = 0;
  let sumP = 0;
  const pi = new Float64Array(k);
  for (let r = 0; r < nRows; r++) {
    const w = rowWeight(weights, r);
    if (w === 0) continue;
    let m = 0;
    let sq = 0;
    for (let c = 0; c < k; c++) {
      const v = counts[r * k + c]!;
      m += v;
      sq += v * v;
    }
    if (m === 0) continue;
    rated += w;
    for (let c = 0; c < k; c++) pi[c]! += (w * counts[r * k + c]!) / m;
    if (m < 2) continue;
    paired += w;
    sumP += (w * (sq - m)) / (m * (m - 1));
  }
  if (paired === 0) return Number.NaN;
  const pa = sumP / paired;
  let pe = 0;
  for (let c = 0; c < k; c++) pe += (pi[c]! / rated) ** 2;
  if (pe === 1) return Number.NaN;
  return (pa - pe) / (1 - pe);
}
