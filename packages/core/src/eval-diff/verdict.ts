import type { Verdict } from './diff-report.js';

/**
 * regression: the BH-adjusted one-sided test of "delta ≥ −tolerance" rejects at α and the delta is
 * below −tolerance; improvement: the test of "delta ≤ 0" rejects and the delta is positive. The sign
 * guard matters for scores, where the signed-rank test is about the pseudo-median, not the mean.
 */
export function verdictOf(s: { delta: number; tolerance: number; q_regression: number; q_improvement: number }, alpha: number): Verdict {
  if (s.q_regression <= alpha && s.delta < -s.tolerance) return 'regression';
  if (s.q_improvement <= alpha && s.delta > 0) return 'improvement';
  return 'no change';
}
