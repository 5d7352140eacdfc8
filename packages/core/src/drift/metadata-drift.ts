import { proportionsZTestLarger } from '../stats/drift/two-proportions.js';
import { compareMix, type MixComparison } from './slice-mix.js';
import type { DriftTestInput } from './drift-test.js';

/** One metadata key's counts, aggregated in SQL over the baseline and the window (top-k values plus "(other)"). */
export interface MetadataCounts {
  readonly key: string;
  /** Per value (top-k, then "(other)"): requests in the baseline and in the window. */
  readonly values: readonly { value: string; baseline: number; window: number; unseen: boolean }[];
  /** Requests in the window whose value never occurs in the baseline. */
  readonly windowUnseen: number;
  readonly windowTotal: number;
  /** The same for the last window-length of the baseline against the baseline before it (turnover under no drift). */
  readonly turnoverUnseen: number;
  readonly turnoverTotal: number;
  /**
   * What traffic is compared with. `gold` (gold items carry this key): `baseline` counts gold items
   * per value, `windowUnseen` counts requests whose value no item of gold's half A has, and the
   * turnover is gold's half B against half A — the held-out-half design of outside-reference.ts, so
   * "never seen in gold" is judged against what a fresh gold-like item would show. Absent or
   * `earlier_traffic`: the windows before this one stand in for gold.
   */
  readonly reference?: 'gold' | 'earlier_traffic';
  /** With reference gold: requests in the window whose value no gold item has. */
  readonly windowUnseenGold?: number;
}

export interface MetadataComparison {
  readonly key: string;
  /** What the window is compared with: gold's items, or traffic before the window (gold carries no such key). */
  readonly reference: 'gold' | 'earlier_traffic';
  readonly unseen_share: number;
  /** The share of new values one window brings when nothing changes; null without enough history. */
  readonly turnover_share: number | null;
  readonly unseen_p_value: number | null;
  readonly mix: Pick<MixComparison, 'p_value' | 'psi' | 'js_distance' | 'chi2' | 'df'> | null;
  readonly top: { value: string; baseline_share: number; window_share: number; unseen: boolean }[];
}

/**
 * Metadata drift for one key (model, prompt_version, tenant …) against gold's items when they carry
 * the key (`reference: 'gold'`); otherwise the traffic before the window stands in for "what the gold
 * set saw". Two tests:
 * - unseen: the window's share of requests with never-before-seen values against the turnover a
 *   window normally brings (one-sided two-proportion z-test; effect = the excess share). This is
 *   what keeps high-cardinality keys (user ids, tenants) quiet: their usual churn is the baseline.
 * - mix: the top-k + "(other)" distribution, baseline against window (chi-square; effect JS distance).
 */
export function metadataTests(m: MetadataCounts, unseenThreshold: number, jsThreshold: number): { comparison: MetadataComparison; tests: DriftTestInput[] } {
  const tests: DriftTestInput[] = [];
  const vsGold = m.reference === 'gold';
  const unseenShare = m.windowTotal > 0 ? m.windowUnseen / m.windowTotal : 0;
  const reportedUnseen = vsGold && m.windowTotal > 0 ? (m.windowUnseenGold ?? m.windowUnseen) / m.windowTotal : unseenShare;
  const turnover = m.turnoverTotal > 0 ? m.turnoverUnseen / m.turnoverTotal : null;
  let unseenP: number | null = null;
  if (turnover !== null && m.windowTotal > 0) {
    unseenP = proportionsZTestLarger(m.windowUnseen, m.windowTotal, m.turnoverUnseen, m.turnoverTotal);
    const newValues = m.values.filter((v) => v.unseen && v.window > 0).map((v) => `"${v.value}" ${((100 * v.window) / m.windowTotal).toFixed(1)}%`).slice(0, 3);
    tests.push({
      kind: 'metadata_unseen',
      slice: null,
      name: m.key,
      effectName: 'excess_unseen_share',
      effect: unseenShare - turnover,
      threshold: unseenThreshold,
      pValue: unseenP,
      message: vsGold
        ? `${(100 * reportedUnseen).toFixed(1)}% of traffic in the window carries a value of ${m.key} that no gold item has (against half of gold: ${(100 * unseenShare).toFixed(1)}% of traffic vs ${(100 * turnover).toFixed(1)}% of held-out gold items)${newValues.length > 0 ? `: ${newValues.join(', ')}` : ''}`
        : `${(100 * unseenShare).toFixed(1)}% of traffic carries a value of ${m.key} never seen before the window (usual turnover ${(100 * turnover).toFixed(1)}%; gold items carry no ${m.key}, so earlier traffic stands in for gold)${newValues.length > 0 ? `: ${newValues.join(', ')}` : ''}`,
    });
  }
  const mix = compareMix(new Map(m.values.map((v) => [v.value, v.baseline])), new Map(m.values.map((v) => [v.value, v.window])));
  if (mix !== null && mix.categories.length >= 2) {
    tests.push({
      kind: 'metadata_mix',
      slice: null,
      name: m.key,
      effectName: 'js_distance',
      effect: mix.js_distance,
      threshold: jsThreshold,
      pValue: mix.p_value,
      psi: mix.psi,
      message: vsGold
        ? `the ${m.key} mix of traffic in the window differs from gold's items (JS distance ${mix.js_distance.toFixed(3)}, PSI ${mix.psi.toFixed(3)})`
        : `the ${m.key} mix of traffic moved against the windows before it (JS distance ${mix.js_distance.toFixed(3)}, PSI ${mix.psi.toFixed(3)}; gold items carry no ${m.key})`,
    });
  }
  const bTotal = m.values.reduce((a, v) => a + v.baseline, 0);
  return {
    comparison: {
      key: m.key,
      reference: vsGold ? 'gold' : 'earlier_traffic',
      unseen_share: reportedUnseen,
      turnover_share: turnover,
      unseen_p_value: unseenP,
      mix: mix === null ? null : { p_value: mix.p_value, psi: mix.psi, js_distance: mix.js_distance, chi2: mix.chi2, df: mix.df },
      top: m.values.map((v) => ({ value: v.value, baseline_share: bTotal > 0 ? v.baseline / bTotal : 0, window_share: m.windowTotal > 0 ? v.window / m.windowTotal : 0, unseen: v.unseen })),
    },
    tests,
  };
}
