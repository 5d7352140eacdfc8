import { describe, expect, it } from 'vitest';
import { decideTests, type DriftTestInput } from './drift-test.js';
import { metadataTests } from './metadata-drift.js';
import { compareRates, passRateTests } from './pass-rate.js';
import { sliceMixTest, unseenSliceTest } from './slice-mix.js';
import { staleGoldTests } from './stale-gold.js';

const t = (effect: number, pValue: number, extra: Partial<DriftTestInput> = {}): DriftTestInput => ({
  kind: 'slice_mix', slice: null, name: 'x', effectName: 'js_distance', effect, threshold: 0.1, pValue, message: 'm', ...extra,
});

describe('the alert rule: q < α AND effect ≥ threshold', () => {
  it('does not alert on a tiny effect however significant, nor on a large one that is not', () => {
    const d = decideTests([t(0.02, 1e-30), t(0.3, 0.2), t(0.3, 1e-6)], 0.05, 0.1);
    expect(d.map((x) => x.status)).toEqual(['ok', 'ok', 'alert']);
  });
  it('adjusts p-values with Benjamini–Hochberg across all tests (R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH"))', () => {
    // R 4.3: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") -> 0.02 0.04 0.04 0.02
    const d = decideTests([t(1, 0.01), t(1, 0.04), t(1, 0.03), t(1, 0.005)], 0.05, 0.1);
    d.forEach((x, i) => expect(x.qValue).toBeCloseTo([0.02, 0.04, 0.04, 0.02][i] as number, 12));
  });
  it('warns on a significant PSI in the warn band without an alert', () => {
    expect(decideTests([t(0.05, 1e-9, { psi: 0.15 })], 0.05, 0.1)[0]?.status).toBe('warn');
  });
  it('a 0.5-point slice shift on 10 million requests is significant but does not alert', () => {
    const gold = new Map([['a', 50_000], ['b', 50_000]]);
    const window = new Map([['a', 5_050_000], ['b', 4_950_000]]);
    const { test } = sliceMixTest(gold, window, 0.1, 0.25);
    const [d] = decideTests([test!], 0.05, 0.1);
    expect(d!.pValue).toBeLessThan(0.05);
    expect(d!.status).toBe('ok');
  });
});

describe('pass rate comparison (the judge on both sides)', () => {
  it('uses Newcombe intervals (statsmodels confint_proportions_2indep, method="newcomb")', () => {
    // 470/500 gold vs 425/500 shadow: statsmodels 0.15.0 -> (0.0524128054428619, 0.12827447604600842)
    const gold = Array.from({ length: 500 }, (_, i) => ({ slice: 's', pass: true, judge_pass: i < 470 }));
    const shadow = Array.from({ length: 500 }, (_, i) => ({ slice: 's', pass: i < 425, weight: 3 }));
    const r = compareRates(gold, shadow, null);
    expect(r.diff).toBeCloseTo(0.09, 12);
    expect(r.ci![0]).toBeCloseTo(0.0524128054428619, 9);
    expect(r.ci![1]).toBeCloseTo(0.12827447604600842, 9);
    expect(r.gold_human).toBe(1);
  });
  it('compares the judge with itself, never humans with the judge', () => {
    // Humans pass 90% of gold, the judge 60% of the same items and 60% of traffic: no difference.
    const gold = Array.from({ length: 100 }, (_, i) => ({ slice: null, pass: i < 90, judge_pass: i < 60 }));
    const shadow = Array.from({ length: 100 }, (_, i) => ({ slice: null, pass: i < 60 }));
    const r = compareRates(gold, shadow, null);
    expect(r).toMatchObject({ gold: 0.6, shadow: 0.6, gold_human: 0.9, n_gold: 100, n_shadow: 100, n_shadow_effective: 100 });
    expect(r.diff).toBe(0);
    // Without the judge's verdicts on gold there is nothing of the same instrument to compare.
    const none = compareRates(gold.map(({ slice, pass }) => ({ slice, pass })), shadow, null);
    expect(none).toMatchObject({ gold: null, diff: null, p_value: null, gold_human: 0.9 });
  });
  it('weights shadow items (missing weight = 1) and counts them as Kish\'s effective size', () => {
    // Two items weighted 3 and 1: rate 3/4, n_eff = 4²/10 = 1.6.
    const r = compareRates([{ slice: null, pass: true, judge_pass: true }], [{ slice: null, pass: true, weight: 3 }, { slice: null, pass: false }], null);
    expect(r.shadow).toBeCloseTo(0.75, 15);
    expect(r.n_shadow_effective).toBeCloseTo(1.6, 15);
  });
  it('leaves out items without a judge verdict and requests without a judge score', () => {
    const r = compareRates([{ slice: null, pass: true, judge_pass: true }, { slice: null, pass: null, judge_pass: null }], [{ slice: null, pass: null, weight: 1 }, { slice: null, pass: false, weight: 1 }], null);
    expect(r).toMatchObject({ n_gold: 1, n_shadow: 1, gold: 1, shadow: 0 });
  });
  it('states one direction in a message: the change in traffic and its interval, both shadow − gold', () => {
    const gold = Array.from({ length: 500 }, (_, i) => ({ slice: 'tone', pass: i < 400, judge_pass: i < 470 }));
    const shadow = Array.from({ length: 500 }, (_, i) => ({ slice: 'tone', pass: i < 425 }));
    // Newcombe's interval of gold − shadow is (0.0524, 0.1283) (statsmodels, above), so shadow − gold is −12.8 … −5.2 pts.
    const { tests } = passRateTests(gold, shadow, 0.05);
    expect(tests[0]!.message).toBe('judge on shadow traffic 85.0% vs judge on gold 94.0%: shadow −9.0 pts (95% CI −12.8 pts … −5.2 pts); humans pass 80.0% of those gold items');
    expect(tests[1]!.message).toMatch(/in slice "tone": shadow −9\.0 pts/);
  });
});

describe('unseen slices and stale gold', () => {
  it('p = (1 − s)^n for traffic share s in slices with no gold item among n items', () => {
    const r = unseenSliceTest(new Map([['a', 300], ['b', 200]]), new Map([['a', 900], ['b', 50], ['new', 50]]), 0.02);
    expect(r!.effect).toBeCloseTo(0.05, 12);
    expect(r!.pValue).toBeCloseTo(Math.pow(0.95, 500), 12);
    expect(r!.slice).toBe('new');
  });
  it('a gold slice with no traffic is stale with p = (1 − g)^N', () => {
    const { stale, tests } = staleGoldTests(new Map([['a', 90], ['old', 10]]), new Map([['a', 200]]), new Map([['old', '2026-01-03T00:00:00.000Z']]), 0.02);
    expect(stale).toMatchObject([{ slice: 'old', gold_items: 10, gold_share: 0.1, last_seen: '2026-01-03T00:00:00.000Z' }]);
    expect(stale[0]!.p_value / Math.pow(0.9, 200)).toBeCloseTo(1, 10);
    expect(tests[0]?.kind).toBe('stale_gold');
  });
});

describe('metadata drift', () => {
  it('tests the unseen share against the usual turnover, so steady churn of a high-cardinality key is quiet', () => {
    const churn = metadataTests({ key: 'tenant', values: [{ value: '(other)', baseline: 30_000, window: 10_000, unseen: false }], windowUnseen: 2_000, windowTotal: 10_000, turnoverUnseen: 2_010, turnoverTotal: 10_000 }, 0.05, 0.1);
    expect(churn.tests.find((x) => x.kind === 'metadata_unseen')!.effect).toBeCloseTo(-0.001, 12);
    const newModel = metadataTests({
      key: 'model',
      values: [{ value: 'm-1', baseline: 30_000, window: 7_000, unseen: false }, { value: 'm-2', baseline: 0, window: 3_000, unseen: true }],
      windowUnseen: 3_000, windowTotal: 10_000, turnoverUnseen: 0, turnoverTotal: 10_000,
    }, 0.05, 0.1);
    const unseen = newModel.tests.find((x) => x.kind === 'metadata_unseen')!;
    expect(unseen.effect).toBeCloseTo(0.3, 12);
    expect(unseen.pValue).toBeLessThan(1e-12);
    expect(unseen.message).toContain('"m-2" 30.0%');
    const decided = decideTests(newModel.tests, 0.05, 0.1);
    expect(decided.map((d) => d.status)).toEqual(['alert', 'alert']);
  });
});
