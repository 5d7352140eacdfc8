import { quantileSorted } from 'simple-statistics';
import { normalCdf, normalQuantile } from '@touchstone/core/stats';

export interface BcaResult {
  readonly ci: [number, number];
  /** Bias correction ẑ₀ = Φ⁻¹(share of replicates below the estimate, ties counted half). */
  readonly z0: number;
  /** Acceleration â from the jackknife. */
  readonly acceleration: number;
  /** 'bca', or 'percentile' when ẑ₀ is infinite (every replicate on one side of the estimate). */
  readonly method: 'bca' | 'percentile';
}

/**
 * Bias-corrected and accelerated (BCa) bootstrap interval (Efron 1987; Efron & Tibshirani 1993,
 * §14.3, eq. 14.10), computed exactly as `scipy.stats.bootstrap(method='BCa')` does from the same
 * replicates: ẑ₀ from the share of replicates below the estimate (ties count half), α₁,₂ =
 * Φ(ẑ₀ + (ẑ₀ + z_α)/(1 − â(ẑ₀ + z_α))), and the endpoints are the type-7 (linear) quantiles of the
 * replicates at α₁ and α₂. Sorts `replicates` in place.
 * Replicates within 1e-12 (relative) of the estimate count as ties: a discrete statistic's replicate
 * can equal the estimate mathematically yet differ in the last bit.
 * @throws RangeError when there are no replicates or confidence is outside (0, 1)
 */
export function bcaInterval(estimate: number, replicates: Float64Array, acceleration: number, confidence = 0.95): BcaResult {
  const b = replicates.length;
  if (b === 0) throw new RangeError('bcaInterval: no bootstrap replicates');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`bcaInterval: confidence must be in (0, 1), got ${confidence}`);
  replicates.sort();
  const tol = 1e-12 * Math.max(1, Math.abs(estimate));
  let below = 0;
  let atOrBelow = 0;
  for (let i = 0; i < b; i++) {
    const v = replicates[i] as number;
    if (v < estimate - tol) below += 1;
    if (v <= estimate + tol) atOrBelow += 1;
  }
  const alpha = (1 - confidence) / 2;
  // quantileSorted only reads indices and length, so the typed array serves as its number[].
  const sorted = replicates as unknown as number[];
  const share = (below + atOrBelow) / (2 * b);
  const a = Number.isFinite(acceleration) ? acceleration : 0;
  if (share <= 0 || share >= 1) {
    return { ci: [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)], z0: share <= 0 ? -Infinity : Infinity, acceleration: a, method: 'percentile' };
  }
  const z0 = normalQuantile(share);
  const adjusted = (z: number): number => {
    const num = z0 + z;
    return normalCdf(z0 + num / (1 - a * num));
  };
  const zAlpha = normalQuantile(alpha);
  const lo = clampUnit(adjusted(zAlpha));
  const hi = clampUnit(adjusted(-zAlpha));
  return { ci: [quantileSorted(sorted, lo), quantileSorted(sorted, hi)], z0, acceleration: a, method: 'bca' };
}

/**
 * Jackknife acceleration â = Σ U³ / (6 (Σ U²)^{3/2}) with U_i = (n − 1)(θ̄₍.₎ − θ₍ᵢ₎) (Efron &
 * Tibshirani 1993, eq. 14.15; scipy's `_bca_interval`). `weights[i]` counts how many observations
 * share the leave-one-out value `values[i]`, so a statistic of a contingency table needs one value
 * per cell instead of one per item. 0 when every leave-one-out value is the same.
 */
export function jackknifeAcceleration(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    n += w;
    sum += w * (values[i] as number);
  }
  if (n < 2) return 0;
  const mean = sum / n;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const u = (n - 1) * (mean - (values[i] as number));
    s2 += w * u * u;
    s3 += w * u * u * u;
  }
  return s2 === 0 ? 0 : s3 / (6 * Math.pow(s2, 1.5));
}

function clampUnit(p: number): number {
  return Math.min(1, Math.max(0, p));
}
