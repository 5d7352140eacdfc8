import { normalCdf } from '../stats/normal.js';
import { counterfactualImpact, type Correction } from './counterfactual.js';
import type { SkewData } from './skew-data.js';

/** What removing a bias that is only estimation noise moves: the yardstick for an impact. */
export interface ImpactReference {
  /** Median and 95th percentile of the expected flips. */
  readonly flippedItems: number;
  readonly flippedItemsP95: number;
  /** Median and 95th percentile of |pass-rate shift|. */
  readonly passRateShift: number;
  readonly passRateShiftP95: number;
}

/**
 * The impact an unbiased labeler of the same design and volume shows: their estimated bias is then
 * pure noise, distributed (under the permutation null of the leniency test, normal approximation) as
 * b ~ N(0, nullSe²). Removing a bias b redraws labels with probabilities linear in b (label-redraw.ts:
 * up to one scale step, and while b is below the labels' pass rate), so the expected flips and shift
 * are |b|·A₊ for b > 0 and |b|·A₋ for b < 0, with A± read off two counterfactuals at b = ±u. The
 * median and 95th percentile of the resulting mixture of two half-normals are solved for exactly.
 * On an interval scale (a shift, not a redraw) the same construction is a first-order approximation.
 */
export function impactReference(data: SkewData, baseline: Int8Array, items: ArrayLike<number>, corrected: (p: number) => boolean, contextAt: Correction['contextAt'], nullSe: number): ImpactReference | null {
  if (!(nullSe > 0) || !Number.isFinite(nullSe)) return null;
  const u = Math.min(nullSe, 0.5);
  const at = (b: number): { flips: number; shift: number } => {
    const c = counterfactualImpact(data, baseline, items, { biasAt: (p) => (corrected(p) ? b : 0), contextAt }, 0);
    return { flips: c.flippedItems / u, shift: Math.abs(c.passRateShift) / u };
  };
  const up = at(u);
  const down = at(-u);
  return {
    flippedItems: halfNormalMixtureQuantile(up.flips, down.flips, nullSe, 0.5),
    flippedItemsP95: halfNormalMixtureQuantile(up.flips, down.flips, nullSe, 0.95),
    passRateShift: halfNormalMixtureQuantile(up.shift, down.shift, nullSe, 0.5),
    passRateShiftP95: halfNormalMixtureQuantile(up.shift, down.shift, nullSe, 0.95),
  };
}

/** The q-quantile of X = |b|·(b > 0 ? a : c), b ~ N(0, se²): solves ½F(t/a) + ½F(t/c) = q, F the half-normal CDF, by bisection. */
function halfNormalMixtureQuantile(a: number, c: number, se: number, q: number): number {
  const half = (x: number, slope: number): number => (slope <= 0 ? 1 : 2 * normalCdf(x / (slope * se)) - 1);
  const cdf = (t: number): number => 0.5 * half(t, a) + 0.5 * half(t, c);
  let hi = Math.max(a, c) * se * 8;
  if (!(hi > 0)) return 0;
  let lo = 0;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
