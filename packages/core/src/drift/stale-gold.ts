import type { DriftTestInput } from './drift-test.js';

export interface StaleSlice {
  readonly slice: string;
  readonly gold_items: number;
  readonly gold_share: number;
  /** Latest request of this slice before the window, or null when traffic never had it. */
  readonly last_seen: string | null;
  readonly p_value: number;
}

/**
 * Gold slices with no request in the window. If traffic followed gold's mix, a slice holding share g
 * of gold would be missing from N requests with probability (1 − g)^N: that is the p-value; the
 * effect is g. Only meaningful when the window's traffic carries slices at all (N > 0).
 */
export function staleGoldTests(gold: ReadonlyMap<string, number>, window: ReadonlyMap<string, number>, lastSeen: ReadonlyMap<string, string>, threshold: number): { stale: StaleSlice[]; tests: DriftTestInput[] } {
  const nWindow = [...window.values()].reduce((a, b) => a + b, 0);
  const nGold = [...gold.values()].reduce((a, b) => a + b, 0);
  if (nWindow === 0 || nGold === 0) return { stale: [], tests: [] };
  const stale: StaleSlice[] = [];
  for (const [slice, items] of [...gold].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    if ((window.get(slice) ?? 0) > 0) continue;
    const share = items / nGold;
    stale.push({ slice, gold_items: items, gold_share: share, last_seen: lastSeen.get(slice) ?? null, p_value: Math.exp(nWindow * Math.log1p(-share)) });
  }
  const tests = stale.map((s): DriftTestInput => ({
    kind: 'stale_gold',
    slice: s.slice,
    name: s.slice,
    effectName: 'gold_share',
    effect: s.gold_share,
    threshold,
    pValue: s.p_value,
    message: `gold slice "${s.slice}" (${s.gold_items} items, ${(100 * s.gold_share).toFixed(1)}% of gold) had no traffic in the window${s.last_seen === null ? ' and none before it' : `; last seen ${s.last_seen}`}`,
  }));
  return { stale, tests };
}
