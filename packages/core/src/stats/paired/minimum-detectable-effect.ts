import { normalQuantile } from '../normal.js';

/**
 * Minimum detectable effect of a one-sided paired test on n items: the true mean difference the
 * test rejects with probability `power` at level α, by the normal approximation
 * MDE = (z_{1−α} + z_{power}) · σ_d / √n, where σ_d is the standard deviation of one item's paired
 * difference (for pass/fail, √(share of discordant pairs) under H0). In the units of d.
 * Reference: Cohen (1988), Statistical Power Analysis, ch. 2 (one-sample z); the same as statsmodels'
 * `NormalIndPower().solve_power(nobs1=n, alpha=α, power=power, ratio=0, alternative='larger')` times σ_d.
 * @throws RangeError when n < 1, σ_d < 0 or α, power are outside (0, 1)
 * @example minimumDetectableEffect(400, 0.4, 0.05, 0.8) // 0.04973…
 */
export function minimumDetectableEffect(n: number, sd: number, alpha: number, power = 0.8): number {
  if (!(n >= 1)) throw new RangeError(`minimumDetectableEffect: n must be ≥ 1, got ${n}`);
  if (!(sd >= 0) || !Number.isFinite(sd)) throw new RangeError(`minimumDetectableEffect: σ must be ≥ 0, got ${sd}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`minimumDetectableEffect: α must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`minimumDetectableEffect: power must be in (0, 1), got ${power}`);
  return ((normalQuantile(1 - alpha) + normalQuantile(power)) * sd) / Math.sqrt(n);
}
