import { bootstrapItemsMany, type BootstrapInterval } from '../stats/agreement/bootstrap-items.js';
import { compressRows, type CategoryCounts } from '../stats/agreement/category-counts.js';
import { fleissKappaFromCounts } from '../stats/agreement/fleiss-kappa.js';
import { gwetAcFromCounts } from '../stats/agreement/gwet-ac.js';
import { alphaFromCounts, intervalAlphaFromMoments, type AlphaMetric } from '../stats/agreement/krippendorff-alpha.js';
import type { SkewData } from './skew-data.js';

export interface Coefficient {
  readonly value: number | null;
  readonly ci: [number, number] | null;
}

export interface AgreementCoefficients {
  readonly n_items: number;
  readonly krippendorff_alpha: Coefficient & { readonly metric: AlphaMetric };
  /** Null when items have different numbers of labels (or the scale is interval). */
  readonly fleiss_kappa: (Coefficient & { readonly labels_per_item: number }) | null;
  readonly gwet: (Coefficient & { readonly name: 'AC1' | 'AC2'; readonly weights: 'identity' | 'quadratic' }) | null;
}

/** The alpha metric a scale calls for: binary and nominal nominal, ordinal ordinal, interval interval. */
export function alphaMetric(data: SkewData): AlphaMetric {
  const kind = data.scale.kind;
  return kind === 'ordinal' ? 'ordinal' : kind === 'interval' ? 'interval' : 'nominal';
}

/**
 * Krippendorff's alpha, Fleiss' kappa (equal labels per item only) and Gwet's AC1/AC2 on a set of
 * items, each with a percentile bootstrap interval over items (one set of resamples for all three).
 */
export function agreementOn(data: SkewData, items: Int32Array, replicates: number, seed: number): AgreementCoefficients {
  const metric = alphaMetric(data);
  if (data.scale.kind === 'interval') return intervalAgreement(data, items, replicates, seed);
  const k = data.categoryValues.length;
  const counts = new Float64Array(items.length * k);
  let equal = -1;
  items.forEach((i, r) => {
    const m = data.itemStart[i + 1]! - data.itemStart[i]!;
    equal = equal === -1 || equal === m ? m : -2;
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) counts[r * k + data.category[p]!]! += 1;
  });
  const full: CategoryCounts = { nRows: items.length, k, values: data.categoryValues, counts };
  const { table, multiplicity, rowOf } = compressRows(full);
  const fleissOk = equal >= 2;
  const gwetKind = data.scale.kind === 'ordinal' ? 'quadratic' : 'identity';
  const stats = [
    (w: Float64Array): number => alphaFromCounts(table, metric, w),
    (w: Float64Array): number => (fleissOk ? fleissKappaFromCounts(table, w) : Number.NaN),
    (w: Float64Array): number => gwetAcFromCounts(table, gwetKind, w).coefficient,
  ];
  const ci = replicates > 0 && items.length > 1 ? bootstrapItemsMany(items.length, stats, { replicates, seed, rowOf, nRows: table.nRows }) : [null, null, null];
  return {
    n_items: items.length,
    krippendorff_alpha: { metric, ...coefficient(stats[0]!(multiplicity), ci[0] ?? null) },
    fleiss_kappa: fleissOk ? { labels_per_item: equal, ...coefficient(stats[1]!(multiplicity), ci[1] ?? null) } : null,
    gwet: { name: gwetKind === 'identity' ? 'AC1' : 'AC2', weights: gwetKind, ...coefficient(stats[2]!(multiplicity), ci[2] ?? null) },
  };
}

function intervalAgreement(data: SkewData, items: Int32Array, replicates: number, seed: number): AgreementCoefficients {
  const m = new Float64Array(items.length);
  const s1 = new Float64Array(items.length);
  const s2 = new Float64Array(items.length);
  items.forEach((i, r) => {
    for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) {
      m[r]! += 1;
      s1[r]! += data.value[p]!;
      s2[r]! += data.value[p]! ** 2;
    }
  });
  const stat = (w?: Float64Array): number => intervalAlphaFromMoments(m, s1, s2, w);
  const ci = replicates > 0 && items.length > 1 ? bootstrapItemsMany(items.length, [stat], { replicates, seed }) : [null];
  return { n_items: items.length, krippendorff_alpha: { metric: 'interval', ...coefficient(stat(), ci[0] ?? null) }, fleiss_kappa: null, gwet: null };
}

function coefficient(value: number, ci: BootstrapInterval | null): Coefficient {
  return { value: Number.isFinite(value) ? value : null, ci: ci === null ? null : [ci.lower, ci.upper] };
}
