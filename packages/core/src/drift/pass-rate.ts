import { twoProportions } from '../stats/drift/two-proportions.js';
import type { DriftTestInput } from './drift-test.js';

export interface GoldOutcome {
  readonly slice: string | null;
  /** Human consensus passes; null when there is no consensus (a tie). */
  readonly pass: boolean | null;
  /** The traffic judge's verdict on the item by the same pass rule; null or absent when it did not score it. */
  readonly judge_pass?: boolean | null;
}

export interface ShadowOutcome {
  readonly slice: string | null;
  /** Judge score passes the pass rule; null when the request has no judge score. */
  readonly pass: boolean | null;
  /** Window requests this item stands for (sampling weight, cluster size); absent counts as 1. */
  readonly weight?: number;
}

export interface RateComparison {
  readonly slice: string | null;
  /** Both rates are the judge's: on gold items and on shadow traffic (one instrument). */
  readonly gold: number | null;
  readonly shadow: number | null;
  /** gold − shadow (judge on both sides); the messages state shadow − gold. */
  readonly diff: number | null;
  /** 95% Newcombe interval of gold − shadow. */
  readonly ci: [number, number] | null;
  /** Gold items with a judge verdict. */
  readonly n_gold: number;
  readonly n_shadow: number;
  /** Kish's effective size of the weighted shadow side, (Σw)²/Σw². */
  readonly n_shadow_effective?: number;
  readonly p_value: number | null;
  /** The humans' consensus pass rate on the same gold items (another instrument: shown, never tested against the judge). */
  readonly gold_human?: number | null;
  readonly n_gold_human?: number;
}

/** Weighted share of passes with Kish's effective sample size; weights default to 1. */
export function weightedPassRate(items: readonly ShadowOutcome[]): { rate: number | null; n: number; nEff: number } {
  let w = 0;
  let w2 = 0;
  let wp = 0;
  let n = 0;
  for (const x of items) {
    if (x.pass === null) continue;
    const wi = x.weight ?? 1;
    n++;
    w += wi;
    w2 += wi * wi;
    if (x.pass) wp += wi;
  }
  return { rate: w > 0 ? wp / w : null, n, nEff: w2 > 0 ? (w * w) / w2 : 0 };
}

/**
 * The judge's pass rate on gold items against its (weighted) pass rate on shadow traffic, with
 * Newcombe's interval for gold − shadow and a pooled z-test. The shadow side counts as Kish's effective
 * sample size (Σw)²/Σw², so unequal weights widen the interval honestly; with equal weights it is the
 * item count. One instrument on both sides: the humans' rate on gold is reported beside it only.
 */
export function compareRates(gold: readonly GoldOutcome[], shadow: readonly ShadowOutcome[], slice: string | null): RateComparison {
  const judged = gold.filter((x) => x.judge_pass !== undefined && x.judge_pass !== null);
  const human = gold.filter((x) => x.pass !== null);
  const gPass = judged.filter((x) => x.judge_pass === true).length;
  const s = weightedPassRate(shadow);
  const gRate = judged.length > 0 ? gPass / judged.length : null;
  const base = { slice, gold: gRate, shadow: s.rate, n_gold: judged.length, n_shadow: s.n, n_shadow_effective: s.nEff, gold_human: human.length > 0 ? human.filter((x) => x.pass === true).length / human.length : null, n_gold_human: human.length };
  if (gRate === null || s.rate === null) return { ...base, diff: null, ci: null, p_value: null };
  const r = twoProportions(gPass, judged.length, s.rate * s.nEff, s.nEff);
  return { ...base, diff: r.diff, ci: [r.ci[0], r.ci[1]], p_value: r.pValue };
}

/**
 * Overall and per-slice comparisons as tests. A comparison is tested only where the normal
 * approximation behind its p-value holds: at least `minExpected` expected passes and fails on each
 * side at the pooled rate (the shadow side at its effective size). Rare passes in a small slice would
 * otherwise alarm on one heavily weighted request; such slices are listed in `untested`.
 */
export function passRateTests(gold: readonly GoldOutcome[], shadow: readonly ShadowOutcome[], threshold: number, minExpected = 5): { overall: RateComparison; bySlice: RateComparison[]; tests: DriftTestInput[]; untested: string[] } {
  const overall = compareRates(gold, shadow, null);
  const slices = [...new Set(gold.map((x) => x.slice).filter((x): x is string => x !== null))].sort();
  const bySlice = slices.map((sl) => compareRates(gold.filter((x) => x.slice === sl), shadow.filter((x) => x.slice === sl), sl));
  const tests: DriftTestInput[] = [];
  const untested: string[] = [];
  const add = (c: RateComparison, kind: 'pass_rate' | 'pass_rate_slice'): void => {
    if (c.p_value === null || c.diff === null || c.gold === null || c.shadow === null || c.ci === null) return;
    const nEff = c.n_shadow_effective ?? c.n_shadow;
    const pooled = (c.gold * c.n_gold + c.shadow * nEff) / (c.n_gold + nEff);
    if (Math.min(c.n_gold, nEff) * Math.min(pooled, 1 - pooled) < minExpected) {
      untested.push(c.slice ?? 'overall');
      return;
    }
    tests.push({ kind, slice: c.slice, name: c.slice ?? 'overall', effectName: 'gold_minus_shadow', effect: c.diff, threshold, pValue: c.p_value, message: passRateMessage(c) });
  };
  add(overall, 'pass_rate');
  for (const c of bySlice) add(c, 'pass_rate_slice');
  return { overall, bySlice, tests, untested };
}

/**
 * One sentence naming the instrument on both sides, with the change stated one way only (shadow − gold)
 * and its interval in the same direction: "the judge passes 85.0% of shadow traffic vs 94.0% of gold
 * items: −9.0 pts (95% CI −12.1 … −5.9 pts)".
 */
export function passRateMessage(c: RateComparison): string {
  const where = c.slice === null ? '' : ` in slice "${c.slice}"`;
  const d = -(c.diff ?? 0);
  const ci = c.ci === null ? '' : ` (95% CI ${pts(-c.ci[1])} … ${pts(-c.ci[0])})`;
  const human = c.gold_human === null || c.gold_human === undefined ? '' : `; humans pass ${pct(c.gold_human)} of those gold items`;
  return `judge on shadow traffic ${pct(c.shadow ?? 0)} vs judge on gold ${pct(c.gold ?? 0)}${where}: shadow ${pts(d)}${ci}${human}`;
}

function pts(x: number): string {
  const v = (100 * x).toFixed(1);
  return `${x > 0 && v !== '0.0' ? '+' : x < 0 && v !== '-0.0' ? '−' : ''}${v.replace('-', '')} pts`;
}

export function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
