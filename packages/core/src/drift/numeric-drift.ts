import { quantileSorted } from 'simple-statistics';
import { ksTwoSample } from '../stats/drift/ks-two-sample.js';
import { ksTwoSampleWeighted } from '../stats/drift/ks-weighted.js';
import { psi } from '../stats/drift/psi.js';
import { wassersteinDistance } from '../stats/drift/wasserstein.js';
import type { DriftTestInput } from './drift-test.js';

export interface NumericComparison {
  readonly feature: string;
  readonly n_gold: number;
  readonly n_shadow: number;
  readonly gold_median: number;
  readonly shadow_median: number;
  readonly ks_d: number;
  readonly p_value: number;
  /** In the feature's units (characters for lengths). */
  readonly wasserstein: number;
  /** Over the gold sample's deciles. */
  readonly psi: number;
}

/**
 * PSI of a numeric feature over bins cut at the reference sample's deciles (duplicate edges
 * merged, so a feature with few distinct values gets fewer bins), each bin (lo, hi].
 */
export function binnedPsi(reference: Float64Array, current: Float64Array, currentWeights?: ArrayLike<number>): number {
  const edges = [...new Set([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((q) => quantileSorted(Array.from(reference), q)))].sort((a, b) => a - b);
  const count = (xs: Float64Array, w?: ArrayLike<number>): number[] => {
    const bins = new Array<number>(edges.length + 1).fill(0);
    xs.forEach((x, k) => {
      let b = 0;
      while (b < edges.length && x > (edges[b] as number)) b++;
      bins[b] = (bins[b] ?? 0) + (w === undefined ? 1 : (w[k] as number));
    });
    return bins;
  };
  return psi(count(reference), count(current, currentWeights));
}

/**
 * A numeric feature (input or output length) of gold items against shadow items: two-sample KS
 * (effect D, p-value as scipy's ks_2samp), Wasserstein-1 and decile PSI. Alerts on D.
 * With unequal shadow weights (requests each item stands for) the shadow side's ECDF, median and
 * PSI bins are weighted and the KS p-value uses Kish's effective size (ks-weighted.ts); the
 * Wasserstein distance stays over the items. Needs at least 5 values per side.
 */
export function numericTest(feature: string, gold: readonly number[], shadow: readonly number[], ksThreshold: number, shadowWeights?: readonly number[]): { comparison: NumericComparison | null; test: DriftTestInput | null } {
  if (gold.length < 5 || shadow.length < 5) return { comparison: null, test: null };
  const g = Float64Array.from(gold).sort();
  const order = shadow.map((_, i) => i).sort((i, j) => (shadow[i] as number) - (shadow[j] as number));
  const s = Float64Array.from(order.map((i) => shadow[i] as number));
  const w = shadowWeights === undefined || shadowWeights.every((x) => x === shadowWeights[0]) ? undefined : order.map((i) => shadowWeights[i] as number);
  const ks = w === undefined ? ksTwoSample(g, s) : ksTwoSampleWeighted(g, s, w);
  const comparison: NumericComparison = {
    feature,
    n_gold: g.length,
    n_shadow: s.length,
    gold_median: quantileSorted(Array.from(g), 0.5),
    shadow_median: w === undefined ? quantileSorted(Array.from(s), 0.5) : weightedMedianSorted(s, w),
    ks_d: ks.statistic,
    p_value: ks.pValue,
    wasserstein: wassersteinDistance(g, s),
    psi: binnedPsi(g, s, w),
  };
  return {
    comparison,
    test: {
      kind: 'numeric',
      slice: null,
      name: feature,
      effectName: 'ks_d',
      effect: ks.statistic,
      threshold: ksThreshold,
      pValue: ks.pValue,
      psi: comparison.psi,
      message: `${feature} of shadow traffic differs from gold (median ${comparison.shadow_median} vs ${comparison.gold_median}; KS D ${ks.statistic.toFixed(3)}, Wasserstein ${comparison.wasserstein.toFixed(1)}, PSI ${comparison.psi.toFixed(3)})`,
    },
  };
}

/** The smallest value whose cumulative weight reaches half the total (values sorted ascending). */
function weightedMedianSorted(xs: Float64Array, w: readonly number[]): number {
  const half = w.reduce((a, b) => a + b, 0) / 2;
  let cum = 0;
  for (let i = 0; i < xs.length; i++) {
    cum += w[i] as number;
    if (cum >= half) return xs[i] as number;
  }
  return xs[xs.length - 1] as number;
}
