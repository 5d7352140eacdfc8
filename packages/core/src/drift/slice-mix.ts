import { chiSquareHomogeneity } from '../stats/drift/chi-square-homogeneity.js';
import { jensenShannonDistance } from '../stats/drift/jensen-shannon.js';
import { psi } from '../stats/drift/psi.js';
import type { DriftTestInput } from './drift-test.js';

export interface MixComparison {
  readonly categories: string[];
  readonly reference: number[];
  readonly current: number[];
  readonly chi2: number;
  readonly df: number;
  readonly p_value: number;
  readonly psi: number;
  readonly js_distance: number;
  readonly cramers_v: number;
}

/** Two categorical distributions (counts by category) compared by chi-square, PSI and Jensen–Shannon distance. */
export function compareMix(reference: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): MixComparison | null {
  const categories = [...new Set([...reference.keys(), ...current.keys()])].sort();
  const ref = categories.map((c) => reference.get(c) ?? 0);
  const cur = categories.map((c) => current.get(c) ?? 0);
  if (ref.reduce((a, b) => a + b, 0) === 0 || cur.reduce((a, b) => a + b, 0) === 0) return null;
  const chi = chiSquareHomogeneity([ref, cur]);
  return {
    categories,
    reference: ref,
    current: cur,
    chi2: chi.statistic,
    df: chi.df,
    p_value: chi.pValue,
    psi: psi(ref, cur),
    js_distance: jensenShannonDistance(ref, cur),
    cramers_v: chi.cramersV,
  };
}

/**
 * The slice mix of the gold set (items per consensus slice) against the window's traffic (requests
 * per slice, counted over every request in the window, not the sample). Alerts on JS distance or on
 * PSI above its alert band, whichever is reached. Items and requests without a slice are left out.
 */
export function sliceMixTest(gold: ReadonlyMap<string, number>, window: ReadonlyMap<string, number>, jsThreshold: number, psiAlert: number): { mix: MixComparison | null; test: DriftTestInput | null } {
  const mix = compareMix(gold, window);
  if (mix === null || mix.categories.length < 2) return { mix, test: null };
  const jsRatio = mix.js_distance / jsThreshold;
  const psiRatio = mix.psi / psiAlert;
  const byJs = jsRatio >= psiRatio;
  const gShares = shares(mix.reference);
  const wShares = shares(mix.current);
  const moved = mix.categories
    .map((c, i) => ({ c, d: (wShares[i] ?? 0) - (gShares[i] ?? 0) }))
    .sort((a, b) => Math.abs(b.d) - Math.abs(a.d))
    .slice(0, 3)
    .map((x) => `"${x.c}" ${x.d >= 0 ? '+' : '−'}${(Math.abs(x.d) * 100).toFixed(1)} pts`);
  return {
    mix,
    test: {
      kind: 'slice_mix',
      slice: null,
      name: 'slice',
      effectName: byJs ? 'js_distance' : 'psi',
      effect: byJs ? mix.js_distance : mix.psi,
      threshold: byJs ? jsThreshold : psiAlert,
      pValue: mix.p_value,
      psi: mix.psi,
      message: `the slice mix of traffic differs from gold (JS distance ${mix.js_distance.toFixed(3)}, PSI ${mix.psi.toFixed(3)}); largest moves: ${moved.join(', ')}`,
    },
  };
}

function shares(xs: readonly number[]): number[] {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => (s > 0 ? x / s : 0));
}

/**
 * Traffic in slices the gold set has no item for (a new intent, a new route). If traffic followed
 * gold's mix, slices holding a share s of traffic would all be missing from n gold items with
 * probability (1 − s)^n: that is the p-value (s taken as known: it is measured on the whole window);
 * the effect is s.
 */
export function unseenSliceTest(gold: ReadonlyMap<string, number>, window: ReadonlyMap<string, number>, threshold: number): DriftTestInput | null {
  const nGold = [...gold.values()].reduce((a, b) => a + b, 0);
  const nWindow = [...window.values()].reduce((a, b) => a + b, 0);
  if (nGold === 0 || nWindow === 0) return null;
  const unseen = [...window].filter(([slice, n]) => n > 0 && (gold.get(slice) ?? 0) === 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const share = unseen.reduce((a, [, n]) => a + n, 0) / nWindow;
  const list = unseen.slice(0, 5).map(([slice, n]) => `"${slice}" ${((100 * n) / nWindow).toFixed(1)}%`);
  return {
    kind: 'unseen_slice',
    slice: unseen[0]?.[0] ?? null,
    name: 'slice',
    effectName: 'traffic_share',
    effect: share,
    threshold,
    pValue: share >= 1 ? 0 : Math.exp(nGold * Math.log1p(-share)),
    message: unseen.length === 0 ? 'every slice in traffic has gold items' : `${(100 * share).toFixed(1)}% of traffic is in slices with no gold item: ${list.join(', ')}${unseen.length > 5 ? ` and ${unseen.length - 5} more` : ''}`,
  };
}
