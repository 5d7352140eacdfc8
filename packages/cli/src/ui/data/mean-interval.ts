import { normalQuantile } from '@touchstone/core/stats';

/**
 * Normal-approximation confidence interval of a mean, mean ± z₍₁₋α/₂₎ · sd/√n, in the units of
 * the data. Null when n < 2 or the standard deviation is unknown. A description for the drill-in
 * screens (the labeler's average difference from co-labelers); the tests that flag labelers are
 * `touchstone skew`'s.
 * @example meanInterval(0.5, 1, 100) // [0.304, 0.696]
 */
export function meanInterval(mean: number, sd: number | null, n: number, level = 0.95): [number, number] | null {
  if (n < 2 || sd === null || !Number.isFinite(sd)) return null;
  const half = normalQuantile(1 - (1 - level) / 2) * (sd / Math.sqrt(n));
  return [mean - half, mean + half];
}
