import { chiSquareSf } from './chi-square-sf.js';

export interface ChiSquareResult {
  /** Pearson's χ² statistic (Yates-corrected when df = 1, as scipy's chi2_contingency by default). */
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** Cramér's V = sqrt(χ² / (N · (min(r, c) − 1))), in [0, 1]; computed without the Yates correction. */
  readonly cramersV: number;
}

/**
 * Pearson's chi-square test of homogeneity for an r × c table of counts (rows: samples, columns:
 * categories), as `scipy.stats.chi2_contingency(table)` with its default `correction=True` (Yates'
 * continuity correction only when df = 1). Columns that are zero in every row are dropped first
 * (scipy raises on them); a table left with one column has no test: statistic 0, p = 1.
 * @throws RangeError when a count is negative or not finite, or rows have different lengths
 * @example chiSquareHomogeneity([[10, 20, 30], [20, 20, 20]]).pValue // 0.1353352832366127
 */
export function chiSquareHomogeneity(table: readonly (readonly number[])[]): ChiSquareResult {
  const width = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== width) throw new RangeError('chiSquareHomogeneity: rows have different lengths');
    for (const v of row) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`chiSquareHomogeneity: count ${v} is not a finite non-negative number`);
  }
  const keep = [...Array(width).keys()].filter((j) => table.some((row) => (row[j] ?? 0) > 0));
  const rows = table.map((row) => keep.map((j) => row[j] ?? 0)).filter((row) => row.some((v) => v > 0));
  const r = rows.length;
  const c = keep.length;
  if (r < 2 || c < 2) return { statistic: 0, df: 0, pValue: 1, cramersV: 0 };
  const rowSums = rows.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = keep.map((_, j) => rows.reduce((s, row) => s + (row[j] ?? 0), 0));
  const total = rowSums.reduce((s, v) => s + v, 0);
  const df = (r - 1) * (c - 1);
  let plain = 0;
  let corrected = 0;
  rows.forEach((row, i) => {
    row.forEach((observed, j) => {
      const expected = ((rowSums[i] ?? 0) * (colSums[j] ?? 0)) / total;
      const diff = observed - expected;
      plain += (diff * diff) / expected;
      // scipy: the correction moves each observed count 0.5 toward its expectation, never past it.
      const adj = Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      corrected += ((diff - adj) * (diff - adj)) / expected;
    });
  });
  const statistic = df === 1 ? corrected : plain;
  return {
    statistic,
    df,
    pValue: chiSquareSf(statistic, df),
    cramersV: Math.sqrt(plain / (total * (Math.min(r, c) - 1))),
  };
}
