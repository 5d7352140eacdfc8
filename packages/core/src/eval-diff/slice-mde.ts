import { minimumDetectableEffect } from '../stats/paired/minimum-detectable-effect.js';
import type { RunMetric } from './eval-run.js';

/**
 * The smallest drop a group of n items detects with the given power: tolerance + (z_{1−α'} + z_power)·σ/√n
 * at α' = α / family size (the BH threshold when one hypothesis is false, so the conservative case).
 * σ is the group's own, or the whole run's when the group shows no variation. For pass/fail with
 * tolerance 0 it is never below k/n, k = ⌈log2(1/α')⌉: fewer all-one-way discordant pairs cannot
 * reach significance in the exact McNemar test. Null when no σ is known (a score run without variation).
 */
export function sliceMde(n: number, sd: number, fallbackSd: number, metric: RunMetric, tolerance: number, alpha: number, familySize: number, power: number): number | null {
  const a = alpha / familySize;
  const sigma = sd > 0 ? sd : fallbackSd;
  const floor = metric === 'pass' && tolerance === 0 ? Math.ceil(Math.log2(1 / a)) / n : 0;
  if (sigma <= 0) return metric === 'pass' ? tolerance + floor : null;
  return tolerance + Math.max(minimumDetectableEffect(n, sigma, a, power), floor);
}
