import { normalCdf, normalQuantile, normalSf } from '../normal.js';

/**
 * Counts of a paired 2×2 table of pass/fail outcomes: `n12` pairs pass in the first condition
 * only, `n21` in the second only, `n` pairs in all.
 */
export interface PairedCounts {
  readonly n12: number;
  readonly n21: number;
  readonly n: number;
}

/**
 * Tango's (1998) score statistic for H0: δ = δ0, where δ = π₁₊ − π₊₁ = (n12 − n21)/n in expectation:
 * Z(δ0) = (n12 − n21 − n·δ0) / √(n·(2·q̂21 + δ0·(1 − δ0))), with q̂21 the restricted maximum-likelihood
 * estimate of P(second only) under H0, the positive root of 2n·q² + (−n12 − n21 + (2n − n12 + n21)·δ0)·q − n21·δ0·(1 − δ0) = 0.
 * At δ0 = 0 it is McNemar's z = (n12 − n21)/√(n12 + n21). Z decreases in δ0.
 * Reference: Tango (1998), Statistics in Medicine 17:891–908; Fagerland, Lydersen & Laake (2017),
 * Statistical Analysis of Contingency Tables, §8.5.
 * @throws RangeError when the counts are not integers with n12 + n21 ≤ n, or δ0 is outside (−1, 1)
 */
export function tangoZ(counts: PairedCounts, delta0: number): number {
  const { n12, n21, n } = counts;
  if (![n12, n21, n].every((v) => Number.isInteger(v) && v >= 0) || n12 + n21 > n || n === 0) {
    throw new RangeError(`tangoZ: need integer counts with n12 + n21 ≤ n and n > 0, got ${JSON.stringify(counts)}`);
  }
  if (!(delta0 > -1 && delta0 < 1)) throw new RangeError(`tangoZ: δ0 must be in (−1, 1), got ${delta0}`);
  const a = 2 * n;
  const b = -n12 - n21 + (2 * n - n12 + n21) * delta0;
  const c = -n21 * delta0 * (1 - delta0);
  const q21 = (Math.sqrt(Math.max(0, b * b - 4 * a * c)) - b) / (2 * a);
  const numerator = n12 - n21 - n * delta0;
  const variance = n * (2 * q21 + delta0 * (1 - delta0));
  if (variance <= 0) return numerator === 0 ? 0 : numerator > 0 ? Infinity : -Infinity;
  return numerator / Math.sqrt(variance);
}

/**
 * One-sided p-value of Tango's score test: 'greater' tests H1: δ > δ0 (P(Z ≥ z)), 'less' H1: δ < δ0.
 * @example tangoPValue({ n12: 16, n21: 6, n: 161 }, 0.02, 'greater') // non-inferiority margin 2 points
 */
export function tangoPValue(counts: PairedCounts, delta0: number, alternative: 'less' | 'greater'): number {
  const z = tangoZ(counts, delta0);
  return alternative === 'greater' ? normalSf(z) : normalCdf(z);
}

/**
 * Tango's asymptotic score confidence interval for δ = π₁₊ − π₊₁: the δ0 with |Z(δ0)| ≤ z_{1−α/2},
 * found by bisection to 1e-10 (Z is monotone in δ0). Limits lie in [−1, 1].
 * @example tangoCi({ n12: 6, n21: 16, n: 161 }) // [-0.1240, -0.0054] (contingencytables 3.x, cavo_2012)
 */
export function tangoCi(counts: PairedCounts, confidence = 0.95): [number, number] {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`tangoCi: confidence must be in (0, 1), got ${confidence}`);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const estimate = (counts.n12 - counts.n21) / counts.n;
  const lower = estimate <= -1 ? -1 : root((d) => tangoZ(counts, d) - z, -1 + 1e-12, Math.min(estimate, 1 - 1e-12));
  const upper = estimate >= 1 ? 1 : root((d) => tangoZ(counts, d) + z, Math.max(estimate, -1 + 1e-12), 1 - 1e-12);
  return [lower, upper];
}

/** Bisection for a decreasing f on [lo, hi]; clamps to an end when f has no sign change there. */
function root(f: (x: number) => number, lo: number, hi: number): number {
  if (f(lo) <= 0) return lo;
  if (f(hi) >= 0) return hi;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > 1e-12; i++) {
    const mid = (a + b) / 2;
    if (f(mid) > 0) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
