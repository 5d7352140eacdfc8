import type { Alternative } from './alternative.js';
import { binomialCdf, binomialSf } from './binomial-tail.js';

export interface McNemarResult {
  /** Two-sided: min(b, c), as statsmodels reports it; one-sided: b. */
  readonly statistic: number;
  /** In [0, 1]. */
  readonly pvalue: number;
}

/**
 * Exact (conditional) McNemar test on the discordant cells of a paired 2×2 table [[a, b], [c, d]]:
 * under H0 (equal marginals) b ~ Binomial(b + c, 1/2). Two-sided p = min(1, 2·P(X ≤ min(b, c))),
 * exactly statsmodels' `mcnemar(table, exact=True)`; 'greater' (b exceeds c) is P(X ≥ b) and
 * 'less' is P(X ≤ b), as scipy's `binomtest(b, b + c, 0.5, alternative)`. With no discordant pairs p = 1.
 * Reference: McNemar (1947), Psychometrika 12:153–157; Fagerland, Lydersen & Laake (2013), BMC Med Res Methodol 13:91.
 * @throws RangeError when b or c is not a non-negative integer
 * @example mcnemarExact(6, 16) // { statistic: 6, pvalue: 0.052478790283203125 }
 */
export function mcnemarExact(b: number, c: number, alternative: Alternative = 'two-sided'): McNemarResult {
  for (const [name, v] of [['b', b], ['c', c]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`mcnemarExact: ${name} must be a non-negative integer, got ${v}`);
  }
  const n = b + c;
  if (alternative === 'greater') return { statistic: b, pvalue: n === 0 ? 1 : binomialSf(b, n, 0.5) };
  if (alternative === 'less') return { statistic: b, pvalue: n === 0 ? 1 : binomialCdf(b, n, 0.5) };
  const statistic = Math.min(b, c);
  return { statistic, pvalue: n === 0 ? 1 : Math.min(1, 2 * binomialCdf(statistic, n, 0.5)) };
}
