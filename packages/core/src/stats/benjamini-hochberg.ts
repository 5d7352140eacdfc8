/**
 * Benjamini–Hochberg (1995) adjusted p-values ("q-values" as reported by R's
 * `p.adjust(p, "BH")` and statsmodels' `multipletests(method="fdr_bh")`): q_(i) = min_{j≥i} m·p_(j)/j,
 * capped at 1, returned in the input order. Rejecting q ≤ α controls the false discovery rate at α
 * for independent or positively dependent tests.
 * @throws RangeError when a p-value is outside [0, 1] or NaN
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.5]) // [0.04, 0.04, 0.04, 0.5]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value ${p} is outside [0, 1]`);
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const entry = order[k] as { p: number; i: number };
    running = Math.min(running, (entry.p * m) / (k + 1));
    q[entry.i] = Math.min(1, running);
  }
  return q;
}
