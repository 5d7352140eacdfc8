import { normalCdf, normalSf } from '../normal.js';
import type { Alternative } from './alternative.js';
import { averageRanks } from './average-ranks.js';
import { wilcoxonCdf, wilcoxonSf } from './wilcoxon-distribution.js';

export type ZeroMethod = 'wilcox' | 'pratt' | 'zsplit';

export interface WilcoxonOptions {
  /** 'wilcox' drops zero differences (scipy's default); 'pratt' ranks them, then drops them; 'zsplit' splits their ranks between T⁺ and T⁻. */
  readonly zeroMethod?: ZeroMethod;
  /** Continuity correction of ±0.5 in the normal approximation (scipy default false). */
  readonly correction?: boolean;
  readonly alternative?: Alternative;
  /** 'auto' follows scipy 1.17: exact when n ≤ 50 without ties or zeros; all 2ⁿ sign flips when n ≤ 13; else normal. */
  readonly method?: 'auto' | 'exact' | 'asymptotic';
}

export interface WilcoxonResult {
  /** min(T⁺, T⁻) for two-sided, T⁺ otherwise (scipy's convention). */
  readonly statistic: number;
  /**
   * In [0, 1], or NaN. Under 'wilcox', 1 when every difference is zero and so dropped (scipy returns NaN
   * from its normal approximation there). Under 'pratt' zeros are ranked, not dropped, so all-zero
   * differences go through the test chosen and give what scipy gives: NaN from the normal
   * approximation (zero variance; 'auto' with more than 13 differences), 1 from the sign-flip
   * permutation ('auto' with 13 or fewer).
   */
  readonly pvalue: number;
  readonly method: 'exact' | 'permutation' | 'asymptotic';
  /** Non-zero differences used (zeros included for 'pratt' and 'zsplit'). */
  readonly n: number;
}

/**
 * Wilcoxon signed-rank test of the paired differences d (H0: d is symmetric about 0), reproducing
 * `scipy.stats.wilcoxon(d, zero_method, correction, alternative, method)` of scipy 1.17, including its
 * tie correction Σ(t³ − t)/48 of the variance, Pratt's (Cureton 1967) adjusted mean and variance,
 * the rounding of a non-integral T⁺ in the exact test (gh-19872), and the exact sign-flip
 * permutation test it uses for ≤ 13 differences with ties or zeros.
 * Reference: Wilcoxon (1945), Biometrics Bulletin 1(6):80–83; Pratt (1959), JASA 54:655–667.
 * @throws RangeError when d is empty or holds a non-finite value
 * @example wilcoxonSignedRank([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]) // { statistic: 24, pvalue: 0.041259765625, … }
 */
export function wilcoxonSignedRank(d: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult {
  if (d.length === 0) throw new RangeError('wilcoxonSignedRank: no differences');
  for (const x of d) if (!Number.isFinite(x)) throw new RangeError(`wilcoxonSignedRank: difference ${x} is not finite`);
  const zeroMethod = options.zeroMethod ?? 'wilcox';
  const alternative = options.alternative ?? 'two-sided';
  const nZero = d.filter((x) => x === 0).length;
  let method = options.method ?? 'auto';
  if (method === 'auto' && d.length > 50) method = 'asymptotic';

  const s = signedRankStatistic(d, zeroMethod);
  const statistic = alternative === 'two-sided' ? Math.min(s.rPlus, s.rMinus) : s.rPlus;
  if (s.count === 0) return { statistic, pvalue: 1, method: method === 'auto' ? 'exact' : method, n: 0 };

  let used: WilcoxonResult['method'];
  if (method === 'auto') used = !(s.hasTies || nZero > 0) ? 'exact' : d.length <= 13 ? 'permutation' : 'asymptotic';
  else used = method;

  let p: number;
  if (used === 'asymptotic') {
    let z = (s.rPlus - s.mean) / s.se;
    if (options.correction === true) z -= ((alternative === 'greater' ? 1 : alternative === 'less' ? -1 : Math.sign(z)) * 0.5) / s.se;
    p = alternative === 'less' ? normalCdf(z) : alternative === 'greater' ? normalSf(z) : 2 * normalSf(Math.abs(z));
  } else if (used === 'exact') {
    const less = wilcoxonCdf(Math.ceil(s.rPlus), s.count);
    const greater = wilcoxonSf(Math.floor(s.rPlus), s.count);
    p = alternative === 'less' ? less : alternative === 'greater' ? greater : 2 * Math.min(less, greater);
  } else {
    p = signFlipPValue(d, zeroMethod, s.rPlus, alternative);
  }
  return { statistic, pvalue: Math.min(1, Math.max(0, p)), method: used, n: s.count };
}

interface SignedRank {
  rPlus: number;
  rMinus: number;
  count: number;
  mean: number;
  se: number;
  hasTies: boolean;
}

function signedRankStatistic(d: readonly number[], zeroMethod: ZeroMethod): SignedRank {
  const kept = zeroMethod === 'wilcox' ? d.filter((x) => x !== 0) : [...d];
  const count = kept.length;
  const { ranks, tieSizes } = averageRanks(kept.map(Math.abs));
  let rPlus = 0;
  let rMinus = 0;
  let rZero = 0;
  kept.forEach((x, i) => {
    const r = ranks[i] as number;
    if (x > 0) rPlus += r;
    else if (x < 0) rMinus += r;
    else rZero += r;
  });
  if (zeroMethod === 'zsplit') {
    rPlus += rZero / 2;
    rMinus += rZero / 2;
  }
  let mean = (count * (count + 1)) / 4;
  let varTimes24 = count * (count + 1) * (2 * count + 1);
  // The zeros, when kept, are the smallest |d| and so the first tie group; Pratt leaves them out of the tie correction.
  const nZero = kept.length - kept.filter((x) => x !== 0).length;
  let groups = tieSizes;
  if (zeroMethod === 'pratt') {
    mean -= (nZero * (nZero + 1)) / 4;
    varTimes24 -= nZero * (nZero + 1) * (2 * nZero + 1);
    if (nZero > 0) groups = tieSizes.slice(1);
  }
  const tieCorrection = groups.reduce((acc, t) => acc + t ** 3 - t, 0);
  const se = Math.sqrt((varTimes24 - tieCorrection / 2) / 24);
  // scipy's has_ties is `any(t == 0)` on rankdata's tie array, which is true whenever some value repeats.
  return { rPlus, rMinus, count, mean, se, hasTies: tieSizes.some((t) => t > 1) };
}

/** All 2ⁿ sign patterns, p-values as scipy's exact `permutation_test` (relative tolerance 100·ε). */
function signFlipPValue(d: readonly number[], zeroMethod: ZeroMethod, observed: number, alternative: Alternative): number {
  const n = d.length;
  const abs = d.map(Math.abs);
  const total = 2 ** n;
  const gamma = Math.abs(Number.EPSILON * 100 * observed);
  let le = 0;
  let ge = 0;
  const flipped = new Array<number>(n);
  for (let mask = 0; mask < total; mask++) {
    for (let i = 0; i < n; i++) flipped[i] = (mask >> i) & 1 ? -(abs[i] as number) : (abs[i] as number);
    const t = signedRankStatistic(flipped, zeroMethod).rPlus;
    if (t <= observed + gamma) le += 1;
    if (t >= observed - gamma) ge += 1;
  }
  const less = le / total;
  const greater = ge / total;
  return alternative === 'less' ? less : alternative === 'greater' ? greater : 2 * Math.min(less, greater);
}
