import { normalQuantile } from '@touchstone/core/stats';

/**
 * Confidence interval for a rank correlation through Fisher's z = atanh(r), back-transformed:
 * tanh(z ± z_{1−α/2}·SE). Standard errors: Spearman SE = √((1 + r²/2)/(n − 3)) (Bonett & Wright
 * 2000, Psychometrika 65:23–28); Kendall SE = √(0.437/(n − 4)) (Fieller, Hartley & Pearson 1957,
 * Biometrika 44:470–481). `null` when n is too small or r is NaN; [r, r] when |r| = 1.
 * @example rankCorrelationInterval('spearman', 0.5, 50) // [0.2412, 0.6924] (numpy/scipy 1.17.1 evaluation of the same formula)
 */
export function rankCorrelationInterval(kind: 'spearman' | 'kendall', r: number, n: number, confidence = 0.95): [number, number] | null {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`rankCorrelationInterval: confidence must be in (0, 1), got ${confidence}`);
  const minN = kind === 'spearman' ? 4 : 5;
  if (!Number.isFinite(r) || n < minN) return null;
  if (Math.abs(r) >= 1) return [r, r];
  const se = kind === 'spearman' ? Math.sqrt((1 + (r * r) / 2) / (n - 3)) : Math.sqrt(0.437 / (n - 4));
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - confidence) / 2) * se;
  return [Math.tanh(z - half), Math.tanh(z + half)];
}
