import type { Verdict } from './calibration-report.js';

/**
 * A band's verdict from the interval of its agreement: `trusted` when the lower bound reaches the
 * target, `untrusted` when the upper bound is below it, otherwise (or with no pairs) `insufficient`.
 */
export function verdictFor(ci: readonly [number, number] | null, target: number): Verdict {
  if (ci === null) return 'insufficient';
  if (ci[0] >= target) return 'trusted';
  if (ci[1] < target) return 'untrusted';
  return 'insufficient';
}
