import { gammaln } from 'simple-statistics';
import type { Rng } from '../rng.js';

/**
 * One exact draw from Binomial(m, p) by inversion. Small means walk up from 0; large ones search
 * outward from the mode (mode, mode+1, mode−1, …: the chop-down search of Kemp 1986), so a draw
 * costs O(1 + √(m·p·(1−p))) steps. Any fixed search order gives an exact sampler.
 * Reference: Kemp (1986), "A modal method for generating binomial variables", Comm. Statist. 15:805–813.
 * @throws RangeError when m is not a non-negative integer or p is outside [0, 1]
 */
export function binomialSample(m: number, p: number, rng: Rng): number {
  if (!Number.isInteger(m) || m < 0) throw new RangeError(`binomialSample: m must be a non-negative integer, got ${m}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialSample: p must be in [0, 1], got ${p}`);
  if (m === 0 || p === 0) return 0;
  if (p === 1) return m;
  if (p > 0.5) return m - binomialSample(m, 1 - p, rng);
  const u = rng.next();
  const odds = p / (1 - p);
  if (m * p < 20) {
    let k = 0;
    let pmf = Math.exp(m * Math.log1p(-p));
    let cdf = pmf;
    while (cdf <= u && k < m) {
      pmf *= ((m - k) / (k + 1)) * odds;
      k += 1;
      cdf += pmf;
    }
    return k;
  }
  const mode = Math.floor((m + 1) * p);
  const atMode = Math.exp(gammaln(m + 1) - gammaln(mode + 1) - gammaln(m - mode + 1) + mode * Math.log(p) + (m - mode) * Math.log1p(-p));
  let cdf = atMode;
  if (cdf > u) return mode;
  let up = mode;
  let upPmf = atMode;
  let down = mode;
  let downPmf = atMode;
  for (;;) {
    const canUp = up < m;
    const canDown = down > 0;
    if (!canUp && !canDown) return mode;
    if (canUp) {
      upPmf *= ((m - up) / (up + 1)) * odds;
      up += 1;
      cdf += upPmf;
      if (cdf > u) return up;
    }
    if (canDown) {
      downPmf *= (down / (m - down + 1)) / odds;
      down -= 1;
      cdf += downPmf;
      if (cdf > u) return down;
    }
  }
}
