import { UsageError } from '../../errors/touchstone-error.js';
import { categoryCounts, rowWeight, type CategoryCounts, type Rating } from './category-counts.js';
import type { Category } from './confusion-matrix.js';

export const ALPHA_METRICS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type AlphaMetric = (typeof ALPHA_METRICS)[number];

/**
 * Krippendorff's alpha, α = 1 − D_o / D_e, from the coincidence matrix of pairable values
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", https://repository.upenn.edu/asc_papers/43).
 * Units with fewer than two ratings are not pairable and drop out; missing ratings (null, undefined,
 * NaN) are allowed. Metrics: nominal δ = [c ≠ k]; ordinal δ = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²;
 * interval δ = (v_c − v_k)²; ratio δ = ((v_c − v_k)/(v_c + v_k))² (values ≥ 0).
 * α ≤ 1; 1 is perfect reliability, 0 chance agreement. NaN when no value varies (D_e = 0).
 * @throws UsageError (code UNKNOWN_ALPHA_METRIC) when the metric is none of the four
 * @throws RangeError on mixed numbers and strings without categories, or a negative value under ratio
 * @example krippendorffAlpha([[1, 1, null, 1], [2, 2, 3, 2]], { metric: 'nominal' })
 */
export function krippendorffAlpha(
  units: readonly (readonly Rating[])[],
  options: { metric?: AlphaMetric; categories?: readonly Category[] } = {},
): number {
  return alphaFromCounts(categoryCounts(units, options.categories), options.metric ?? 'nominal');
}

/**
 * Alpha from category counts per row, each row weighted (items it stands for or bootstrap draws).
 * Per row u with m_u ≥ 2 ratings: its coincidences are o_ck = (n_uc·n_uk − [c = k]·n_uc)/(m_u − 1).
 */
export function alphaFromCounts(table: CategoryCounts, metric: AlphaMetric, weights?: ArrayLike<number>): number {
  assertAlphaMetric(metric);
  const { k, nRows, counts, values } = table;
  const o = new Float64Array(k * k);
  for (let r = 0; r < nRows; r++) {
    const w = rowWeight(weights, r);
    if (w === 0) continue;
    let m = 0;
    for (let c = 0; c < k; c++) m += counts[r * k + c]!;
    if (m < 2) continue;
    const f = w / (m - 1);
    for (let c = 0; c < k; c++) {
      const nc = counts[r * k + c]!;
      if (nc === 0) continue;
      for (let d = 0; d < k; d++) {
        const nd = counts[r * k + d]!;
        if (nd === 0) continue;
        o[c * k + d]! += f * (c === d ? nc * (nc - 1) : nc * nd);
      }
    }
  }
  const marg = new Float64Array(k);
  let n = 0;
  for (let c = 0; c < k; c++) for (let d = 0; d < k; d++) marg[c]! += o[c * k + d]!;
  for (let c = 0; c < k; c++) n += marg[c]!;
  if (n <= 1) return Number.NaN;
  const delta = distanceMatrix(metric, values, marg);
  let dObs = 0;
  let dExp = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const dl = delta[c * k + d]!;
      dObs += o[c * k + d]! * dl;
      dExp += marg[c]! * marg[d]! * dl;
    }
  }
  dExp /= n - 1;
  if (dExp === 0) return Number.NaN;
  return 1 - dObs / dExp;
}

/**
 * Interval alpha from per-row moments (m_u ratings, their sum s1 and sum of squares s2), exact and
 * O(rows) for continuous scales where a coincidence matrix over distinct values would be huge:
 * Σ_{i≠j}(v_i − v_j)² = 2·m·s2 − 2·s1² within a unit, and likewise over all pairable values.
 */
export function intervalAlphaFromMoments(m: ArrayLike<number>, s1: ArrayLike<number>, s2: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let n = 0;
  let t1 = 0;
  let t2 = 0;
  let dObs = 0;
  for (let r = 0; r < m.length; r++) {
    const w = rowWeight(weights, r);
    const mu = m[r] as number;
    if (w === 0 || mu < 2) continue;
    const a = s1[r] as number;
    const b = s2[r] as number;
    n += w * mu;
    t1 += w * a;
    t2 += w * b;
    dObs += (w * (2 * mu * b - 2 * a * a)) / (mu - 1);
  }
  if (n <= 1) return Number.NaN;
  const dExp = (2 * n * t2 - 2 * t1 * t1) / (n - 1);
  if (dExp <= 0) return Number.NaN;
  return 1 - dObs / dExp;
}

/**
 * Narrows a metric name, so that a name from a config file or a JavaScript caller that is not one of
 * the four (a typo, "ratio" before it existed) fails loudly instead of silently falling to another metric.
 * @throws UsageError (code UNKNOWN_ALPHA_METRIC)
 */
export function assertAlphaMetric(metric: string): asserts metric is AlphaMetric {
  if (!(ALPHA_METRICS as readonly string[]).includes(metric)) {
    throw new UsageError('UNKNOWN_ALPHA_METRIC', `Krippendorff's alpha has no metric "${metric}"; use one of ${ALPHA_METRICS.join(', ')}`);
  }
}

function distanceMatrix(metric: AlphaMetric, values: Float64Array, marg: Float64Array): Float64Array {
  const k = values.length;
  if (metric === 'ratio') {
    for (const v of values) if (v < 0) throw new RangeError(`krippendorffAlpha: the ratio metric needs values ≥ 0, got ${v}`);
  }
  const delta = new Float64Array(k * k);
  const cumulative = new Float64Array(k + 1);
  for (let c = 0; c < k; c++) cumulative[c + 1] = cumulative[c]! + marg[c]!;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      if (metric === 'nominal') delta[c * k + d] = 1;
      else if (metric === 'interval') delta[c * k + d] = (values[c]! - values[d]!) ** 2;
      else if (metric === 'ratio') delta[c * k + d] = ((values[c]! - values[d]!) / (values[c]! + values[d]!)) ** 2;
      else {
        const lo = Math.min(c, d);
        const hi = Math.max(c, d);
        delta[c * k + d] = (cumulative[hi + 1]! - cumulative[lo]! - (marg[lo]! + marg[hi]!) / 2) ** 2;
      }
    }
  }
  return delta;
}
