import { wilsonInterval as coreWilson } from '@touchstone/core/stats';

/**
 * Wilson score interval for a binomial proportion k/n (Wilson 1927; Newcombe 1998, method 3): the
 * set of p whose score test does not reject, so it stays inside [0, 1] and keeps close to nominal
 * coverage for small n and p near 0 or 1, where the Wald interval fails. statsmodels:
 * `proportion_confint(k, n, alpha, method='wilson')`. With n = 0 the interval is [0, 1]. Core's
 * wilsonInterval computes it; this keeps the calibration's integer checks and confidence level.
 * @throws RangeError when k, n are not integers with 0 ≤ k ≤ n, or confidence is outside (0, 1)
 * @example wilsonInterval(81, 263) // [0.2553, 0.3662] (statsmodels 0.15.0)
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): [number, number] {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need integers 0 ≤ successes ≤ n, got ${successes}/${n}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`wilsonInterval: confidence must be in (0, 1), got ${confidence}`);
  if (n === 0) return [0, 1];
  return coreWilson(successes, n, 1 - confidence);
}
