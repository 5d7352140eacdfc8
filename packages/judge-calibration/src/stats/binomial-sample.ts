import { gammaln } from 'simple-statistics';
import type { Rng } from '@touchstone/core/stats';

/**
 * One draw from Binomial(n, p) by exact inversion (Kemp 1986, "chop-down" search from the mode):
 * the pmf at the mode is anchored with log-gamma and neighbours follow by the ratio
 * P(k+1)/P(k) = (n−k)/(k+1) · p/(1−p), visiting m, m−1, m+1, m−2, … until one uniform is used up.
 * Expected work O(√(np(1−p))), so drawing a bootstrap's counts is far cheaper than resampling items.
 * @throws RangeError when n is not a non-negative integer or p is outside [0, 1]
 * @example sampleBinomial(10, 0.5, createRng(1)) // an integer in 0..10, mean 5 over many draws
 */
export function sampleBinomial(n: number, p: number, rng: Rng): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sampleBinomial: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`sampleBinomial: p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - draw(n, 1 - p, rng);
  return draw(n, p, rng);
}

function draw(n: number, p: number, rng: Rng): number {
  const q = 1 - p;
  const r = p / q;
  let u = rng.next();
  if (n * p < 10) {
    // Small mean: invert from k = 0, where q^n ≥ e^(−20) cannot underflow.
    let pmf = Math.pow(q, n);
    let k = 0;
    while (u > pmf && k < n) {
      u -= pmf;
      pmf *= ((n - k) / (k + 1)) * r;
      k += 1;
    }
    return k;
  }
  const m = Math.floor((n + 1) * p);
  const pm = Math.exp(gammaln(n + 1) - gammaln(m + 1) - gammaln(n - m + 1) + m * Math.log(p) + (n - m) * Math.log(q));
  u -= pm;
  if (u <= 0) return m;
  let lo = m;
  let hi = m;
  let pLo = pm;
  let pHi = pm;
  for (;;) {
    if (lo > 0) {
      pLo *= lo / ((n - lo + 1) * r);
      lo -= 1;
      u -= pLo;
      if (u <= 0) return lo;
    }
    if (hi < n) {
      pHi *= ((n - hi) / (hi + 1)) * r;
      hi += 1;
      u -= pHi;
      if (u <= 0) return hi;
    }
    // Only rounding residue (≈1e-13) can be left once both tails are negligible.
    if ((lo === 0 || pLo < 1e-300) && (hi === n || pHi < 1e-300)) return m;
  }
}
