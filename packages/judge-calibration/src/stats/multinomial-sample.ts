import type { Rng } from '@touchstone/core/stats';
import { binomialSample as sampleBinomial } from '@touchstone/core/stats';

/**
 * One draw of Multinomial(n, weights/Σweights) into `out`, by sequential conditional binomials:
 * c₁ ~ Bin(n, p₁), c₂ ~ Bin(n − c₁, p₂/(1 − p₁)), … (the standard decomposition; e.g. Devroye 1986,
 * XI.1). Resampling n items with replacement and counting each distinct item is exactly this draw,
 * so a bootstrap over data with few distinct rows needs k binomials per resample instead of n.
 * @throws RangeError when a weight is negative or all are zero, or `out` is too short
 */
export function sampleMultinomial(n: number, weights: ArrayLike<number>, rng: Rng, out: Float64Array | Int32Array): void {
  const k = weights.length;
  if (out.length < k) throw new RangeError(`sampleMultinomial: output has ${out.length} slots for ${k} categories`);
  let total = 0;
  for (let j = 0; j < k; j++) {
    const w = weights[j] as number;
    if (!(w >= 0)) throw new RangeError(`sampleMultinomial: weight ${j} is ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('sampleMultinomial: weights sum to zero');
  let left = n;
  let mass = total;
  for (let j = 0; j < k; j++) {
    const w = weights[j] as number;
    if (left === 0 || j === k - 1) {
      out[j] = left;
      left = 0;
      continue;
    }
    const c = w >= mass ? left : sampleBinomial(left, w / mass, rng);
    out[j] = c;
    left -= c;
    mass -= w;
  }
}
