import { twoProportions } from '../stats/drift/two-proportions.js';
import type { DriftTestInput } from './drift-test.js';

export interface GoldOutcome {
  readonly slice: string | null;
  /** Human consensus passes; null when there is no consensus (a tie). */
  readonly pass: boolean | null;
}

export interface ShadowOutcome {
  readonly slice: string | null;
  /** Judge score ≥ the pass threshold; null when the request has no judge score. */
  readonly pass: boolean | null;
  /** Sampling weight N_h / n_h. */
  readonly weight: number;
}

export interface RateComparison {
  readonly slice: string | null;
  readonly gold: number | null;
  readonly shadow: number | null;
  readonly diff: number | null;
  readonly ci: [number, number] | null;
  readonly n_gold: number;
  readonly n_shadow: number;
  readonly p_value: number | null;
}

/**
 * Gold pass rate (share of items whose consensus passes) against the shadow pass rate (weighted
 * share of sampled requests the judge passed), with Newcombe's interval for gold − shadow. The
 * shadow side uses Kish's effective sample size (Σw)²/Σw² so unequal Neyman weights widen the
 * interval honestly; under proportional allocation it equals the item count.
 */
export function compareRates(gold: readonly GoldOutcome[], shadow: readonly ShadowOutcome[], slice: string | null): RateComparison {
  const g = gold.filter((x) => x.pass !== null);
  const s = shadow.filter((x) => x.pass !== null);
  const gPass = g.filter((x) => x.pass === true).length;
  const wSum = s.reduce((a, x) => a + x.weight, 0);
  const w2Sum = s.reduce((a, x) => a + x.weight * x.weight, 0);
  const sRate = wSum > 0 ? s.reduce((a, x) => a + (x.pass === true ? x.weight : 0), 0) / wSum : null;
  const nEff = w2Sum > 0 ? (wSum * wSum) / w2Sum : 0;
  const gRate = g.length > 0 ? gPass / g.length : null;
  if (gRate === null || sRate === null) return { slice, gold: gRate, shadow: sRate, diff: null, ci: null, n_gold: g.length, n_shadow: s.length, p_value: null };
  const r = twoProportions(gPass, g.length, sRate * nEff, nEff);
  return { slice, gold: gRate, shadow: sRate, diff: r.diff, ci: [r.ci[0], r.ci[1]], n_gold: g.length, n_shadow: s.length, p_value: r.pValue };
}

/** Overall and per-slice comparisons as tests (slices need ≥ `minPerSide` on both sides to be tested). */
export function passRateTests(gold: readonly GoldOutcome[], shadow: readonly ShadowOutcome[], threshold: number, minPerSide = 10): { overall: RateComparison; bySlice: RateComparison[]; tests: DriftTestInput[] } {
  const overall = compareRates(gold, shadow, null);
  const slices = [...new Set(gold.map((x) => x.slice).filter((x): x is string => x !== null))].sort();
  const bySlice = slices.map((sl) => compareRates(gold.filter((x) => x.slice === sl), shadow.filter((x) => x.slice === sl), sl));
  const tests: DriftTestInput[] = [];
  const add = (c: RateComparison, kind: 'pass_rate' | 'pass_rate_slice'): void => {
    if (c.p_value === null || c.diff === null || c.gold === null || c.shadow === null) return;
    const where = c.slice === null ? '' : ` in slice "${c.slice}"`;
    tests.push({
      kind,
      slice: c.slice,
      name: c.slice ?? 'overall',
      effectName: 'gold_minus_shadow',
      effect: c.diff,
      threshold,
      pValue: c.p_value,
      message: `gold passes ${pct(c.gold)} but the judge passes ${pct(c.shadow)} of shadow traffic${where} (${c.diff >= 0 ? '−' : '+'}${(Math.abs(c.diff) * 100).toFixed(1)} pts, 95% CI of gold − shadow ${pct(c.ci?.[0] ?? 0)} … ${pct(c.ci?.[1] ?? 0)})`,
    });
  };
  add(overall, 'pass_rate');
  for (const c of bySlice) if (c.n_gold >= minPerSide && c.n_shadow >= minPerSide) add(c, 'pass_rate_slice');
  return { overall, bySlice, tests };
}

export function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
