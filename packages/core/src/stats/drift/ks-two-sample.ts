import { ksExactPValue, gcd } from './ks-exact.js';
import { kolmogorovSf } from './kolmogorov-sf.js';
import { sortedCopy } from './wasserstein.js';

export interface KsResult {
  /** D = sup |F₁ − F₂|, in [0, 1]. */
  readonly statistic: number;
  readonly pValue: number;
  readonly method: 'exact' | 'asymp';
}

/** Larger samples than this use the asymptotic distribution (scipy's MAX_AUTO_N). */
const MAX_EXACT_N = 10_000;

/**
 * Two-sample two-sided Kolmogorov–Smirnov test, as `scipy.stats.ks_2samp(a, b)` (method 'auto'):
 * the exact lattice-path p-value when both samples have ≤ 10,000 values, otherwise the
 * Kolmogorov distribution with n = round(n₁n₂/(n₁+n₂)). Ties are handled as scipy does (ECDFs
 * compared right-continuously at every observed value).
 * @throws RangeError when a sample is empty or holds a non-finite value
 * @example ksTwoSample([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]) // { statistic: 1, pValue: 0.007936507936507936, method: 'exact' }
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const x = sortedCopy(a, 'a');
  const y = sortedCopy(b, 'b');
  const n1 = x.length;
  const n2 = y.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n1 && j < n2) {
    const v = Math.min(x[i] as number, y[j] as number);
    while (i < n1 && x[i] === v) i++;
    while (j < n2 && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / n1 - j / n2));
  }
  if (Math.max(n1, n2) <= MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    const p = ksExactPValue(n1, n2, h);
    if (Number.isFinite(p)) return { statistic: h / lcm, pValue: clamp(p), method: 'exact' };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = Math.round((m * n) / (m + n));
  return { statistic: d, pValue: clamp(kolmogorovSf(en, d)), method: 'asymp' };
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}
