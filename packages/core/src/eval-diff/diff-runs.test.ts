import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { mcnemarExact } from '../stats/paired/mcnemar-exact.js';
import { tangoCi } from '../stats/paired/tango-paired-difference.js';
import { wilcoxonSignedRank } from '../stats/paired/wilcoxon-signed-rank.js';
import { diffRuns } from './diff-runs.js';
import type { EvalRun, RunItem } from './eval-run.js';

function run(name: string, rows: [id: string, slice: string | null, value: boolean | number][], snapshot: string | null = null): EvalRun {
  const items: RunItem[] = rows.map(([item_id, slice, v], i) => ({
    item_id, slice, pass: typeof v === 'boolean' ? v : null, score: typeof v === 'number' ? v : null, line: i + 1,
  }));
  return { name, source: 'file', metrics: typeof rows[0]?.[2] === 'boolean' ? ['pass'] : ['score'], gold_set: null, gold_snapshot: snapshot, items };
}

// Slice a: 20 items all passing in the baseline, 10 failing in the candidate. Slice b: 20 unchanged.
const ids = (p: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${p}${i}`);
const baseline = run('base.jsonl', [
  ...ids('a', 20).map((id): [string, string, boolean] => [id, 'a', true]),
  ...ids('b', 20).map((id, i): [string, string, boolean] => [id, 'b', i % 2 === 0]),
  ['x1', 'a', true],
]);
const candidate = run('cand.jsonl', [
  ...ids('a', 20).map((id, i): [string, string, boolean] => [id, 'a', i >= 10]),
  ...ids('b', 20).map((id, i): [string, string, boolean] => [id, 'b', i % 2 === 0]),
  ['y1', 'b', true],
  ['y2', 'b', false],
]);

describe('diffRuns, pass/fail', () => {
  const report = diffRuns(baseline, candidate);
  it('pairs items, applies exact McNemar per slice and BH over overall + slices', () => {
    // Hand-computed: slice a has 10 losses, 0 wins: one-sided exact p = 0.5^10; slice b none discordant: p = 1.
    const a = report.slices.find((s) => s.slice === 'a');
    const b = report.slices.find((s) => s.slice === 'b');
    expect(a?.p_regression).toBeCloseTo(0.5 ** 10, 15);
    expect(a?.p_regression).toBe(mcnemarExact(10, 0, 'greater').pvalue);
    expect(b?.p_regression).toBe(1);
    expect(report.overall.p_regression).toBeCloseTo(0.5 ** 10, 15);
    const q = benjaminiHochberg([0.5 ** 10, 0.5 ** 10, 1]);
    expect(report.overall.q_regression).toBeCloseTo(q[0] ?? Number.NaN, 15);
    expect(a?.q_regression).toBeCloseTo(q[1] ?? Number.NaN, 15);
    expect(a).toMatchObject({ n: 20, baseline: 1, candidate: 0.5, delta: -0.5, wins: 0, losses: 10, verdict: 'regression', test: 'mcnemar-exact' });
    expect([a?.ci_low, a?.ci_high]).toEqual(tangoCi({ n12: 0, n21: 10, n: 20 }));
    expect(b).toMatchObject({ n: 20, delta: 0, verdict: 'no change' });
  });
  it('names the regressions, sorts them first and reports unpaired items with examples', () => {
    expect(report.verdict).toBe('regression');
    expect(report.regressions).toEqual(['(overall)', 'a']);
    expect(report.slices.map((s) => s.slice)).toEqual(['a', 'b']);
    expect(report.paired).toBe(40);
    expect(report.only_baseline).toEqual({ count: 1, examples: ['x1'] });
    expect(report.only_candidate).toEqual({ count: 2, examples: ['y1', 'y2'] });
    expect(report.method.family_size).toBe(3);
  });
  it('gives each slice a minimum detectable effect at α / family size', () => {
    // Slice b has no discordant pairs: σ falls back to the overall √(10/40) = 0.5; α' = 0.05/3.
    // scipy 1.17.1: norm.ppf(1 - 0.05/3) = 2.128045234184983, norm.ppf(0.8) = 0.8416212335729143.
    const b = report.slices.find((s) => s.slice === 'b');
    expect(b?.mde).toBeCloseTo(((2.128045234184983 + 0.8416212335729143) * 0.5) / Math.sqrt(20), 9);
  });
  it('tolerates a drop within a per-slice tolerance (Tango score test against the margin)', () => {
    const tolerant = diffRuns(baseline, candidate, { sliceTolerances: { a: 60 }, tolerance: 60 });
    const a = tolerant.slices.find((s) => s.slice === 'a');
    expect(a).toMatchObject({ tolerance: 0.6, verdict: 'no change', test: 'tango-score' });
    expect(tolerant.regressions).toEqual([]);
    expect(diffRuns(baseline, candidate, { sliceTolerances: { a: 20 } }).regressions).toEqual(['(overall)', 'a']);
  });
  it('compares overall only with by: none, and warns about tolerances for unknown slices', () => {
    expect(diffRuns(baseline, candidate, { by: 'none' }).slices).toEqual([]);
    expect(diffRuns(baseline, candidate, { sliceTolerances: { typo: 1 } }).warnings.join('\n')).toMatch(/not in these runs: typo/);
  });
  it('calls an improvement an improvement', () => {
    const r = diffRuns(candidate, baseline);
    expect(r.verdict).toBe('improvement');
    expect(r.regressions).toEqual([]);
    expect(r.slices[0]).toMatchObject({ slice: 'b', verdict: 'no change' });
  });
  it('rejects bad options and runs without common items or metric', () => {
    expect(() => diffRuns(baseline, candidate, { alpha: 0 })).toThrow(/alpha/);
    expect(() => diffRuns(baseline, candidate, { tolerance: 100 })).toThrow(/below 100/);
    expect(() => diffRuns(baseline, run('other', [['zz', null, true]]))).toThrow(/no item_id appears in both runs/);
    expect(() => diffRuns(baseline, run('scores', [['a0', 'a', 3]]))).toThrow(/measure different things/);
  });
});

describe('diffRuns, scores', () => {
  const xs = [3, 4, 2, 5, 4, 3, 3, 4, 5, 2, 4, 3];
  const ys = [2, 3, 2, 4, 3, 3, 1, 4, 4, 1, 3, 2];
  const base = run('b', xs.map((v, i): [string, null, number] => [`i${i}`, null, v]));
  const cand = run('c', ys.map((v, i): [string, null, number] => [`i${i}`, null, v]));
  it('uses the Wilcoxon signed-rank test on d + tolerance and a bootstrap interval', () => {
    const r = diffRuns(base, cand, { tolerance: 0.25 });
    const d = ys.map((y, i) => y - (xs[i] ?? 0));
    expect(r.overall.test).toBe('wilcoxon-signed-rank');
    expect(r.overall.delta).toBeCloseTo(d.reduce((s, v) => s + v, 0) / d.length, 15);
    expect(r.overall.p_regression).toBe(wilcoxonSignedRank(d.map((v) => v + 0.25), { alternative: 'less' }).pvalue);
    expect(r.overall.p_improvement).toBe(wilcoxonSignedRank(d, { alternative: 'greater' }).pvalue);
    expect(r.overall.ci_low).toBeLessThanOrEqual(r.overall.delta);
    expect(r.overall.ci_high).toBeGreaterThanOrEqual(r.overall.delta);
    expect(r.overall.tolerance).toBe(0.25);
    expect(r.verdict).toBe('regression');
  });
  it('rounds differences so float noise does not break ties (0.7 − 0.6 vs 0.4 − 0.3)', () => {
    const b = run('b', [['p', null, 0.6], ['q', null, 0.3], ['r', null, 0.5]]);
    const c = run('c', [['p', null, 0.7], ['q', null, 0.4], ['r', null, 0.4]]);
    // scipy 1.17.1: wilcoxon([0.1, 0.1, -0.1], alternative='greater') -> p = 0.5 (all |d| tied), while on the
    // unrounded float differences [0.09999999999999998, 0.10000000000000003, -0.09999999999999998] it gives 0.375.
    expect(diffRuns(b, c).overall.p_improvement).toBeCloseTo(0.5, 12);
  });
});
