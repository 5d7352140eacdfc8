import { quantileSorted } from 'simple-statistics';
import { createRng } from '../rng.js';
import { binomialSample } from './binomial-sample.js';

export interface PairedBootstrapOptions {
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
  /** Bootstrap resamples; default 2000. */
  readonly resamples?: number;
  /** RNG seed: the same data and seed give the same interval. */
  readonly seed?: number;
}

/**
 * Percentile bootstrap confidence interval for the mean of paired differences d_i = y_i − x_i:
 * items are resampled with replacement (each resample keeps an item's pair together), the mean
 * difference recomputed, and the α/2 and 1 − α/2 quantiles of those means returned.
 * Reference: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 (percentile interval).
 * With few distinct differences the resampled counts of each value are drawn directly (same distribution, faster).
 * @throws RangeError when d is empty, holds a non-finite value, or an option is out of range
 * @example pairedBootstrapCi([0.1, -0.2, 0.3, 0.05], { seed: 1 }) // [lo, hi] around the mean 0.0625
 */
export function pairedBootstrapCi(d: readonly number[], options: PairedBootstrapOptions = {}): [number, number] {
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? 2000;
  if (d.length === 0) throw new RangeError('pairedBootstrapCi: no differences');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`pairedBootstrapCi: confidence must be in (0, 1), got ${confidence}`);
  if (!Number.isInteger(resamples) || resamples < 100) throw new RangeError(`pairedBootstrapCi: resamples must be an integer ≥ 100, got ${resamples}`);
  for (const x of d) if (!Number.isFinite(x)) throw new RangeError(`pairedBootstrapCi: difference ${x} is not finite`);
  const rng = createRng(options.seed ?? 0x5eed);
  const n = d.length;
  const distinct = valueCounts(d);
  const means = new Float64Array(resamples);
  if (distinct.length * (1 + Math.sqrt(n)) <= n) {
    // Few distinct differences (judge scores on a 1–5 scale, pass/fail): a resample's mean depends only
    // on how often each value is drawn, so draw those multinomial counts directly — the same bootstrap
    // distribution at O(values · √n) instead of O(n) per resample.
    for (let b = 0; b < resamples; b++) {
      let left = n;
      let sum = 0;
      let mass = n;
      for (const [value, count] of distinct) {
        if (left === 0) break;
        const k = mass === count ? left : binomialSample(left, count / mass, rng);
        sum += k * value;
        left -= k;
        mass -= count;
      }
      means[b] = sum / n;
    }
  } else {
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += d[rng.int(n)] as number;
      means[b] = sum / n;
    }
  }
  means.sort();
  const sorted = Array.from(means);
  const alpha = 1 - confidence;
  return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}

function valueCounts(d: readonly number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const v of d) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
