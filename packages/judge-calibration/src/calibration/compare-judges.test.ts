import { describe, expect, it } from 'vitest';
import type { CalibrationPair } from './calibration-pair.js';
import { compareJudges } from './compare-judges.js';

// 200 items, humans 1–5 (40 each). Judge A gives 5 to half the items humans rate 1 or 2; judge B fixes
// that but gives 5 to 5 of the items humans rate 3.
const human = Array.from({ length: 200 }, (_, i) => 1 + Math.floor(i / 40));
const a: CalibrationPair[] = human.map((h, i) => ({ item_id: `i${i}`, human: h, judge: h <= 2 && i % 40 < 20 ? 5 : h }));
const b: CalibrationPair[] = human.map((h, i) => ({ item_id: `i${i}`, human: h, judge: h === 3 && i % 40 < 5 ? 5 : h }));
const scale = { kind: 'ordinal' as const, min: 1, max: 5 };

describe('compareJudges', () => {
  it('tests the change in agreement pairwise, overall and per human band', () => {
    const c = compareJudges(a, [...b, { item_id: 'extra', human: 3, judge: 3 }], { scale, judgeA: 'v1', judgeB: 'v2' });
    expect(c.n_common).toBe(200);
    expect(c.n_only_b).toBe(1);
    expect(c.overall.a_only).toBe(5);
    expect(c.overall.b_only).toBe(40);
    expect(c.overall.change).toBeCloseTo(0.175, 14);
    // statsmodels 0.15.0: mcnemar([[155, 5], [40, 0]], exact=True).pvalue -> 7.878384167270269e-08
    expect(c.overall.p_value).toBeCloseTo(7.878384167270269e-8, 20);
    expect(c.verdict).toBe('improved');
    const band1 = c.bands_by_human.find((x) => x.band === '1');
    // mcnemar([[20, 0], [20, 0]], exact=True).pvalue -> 1.9073486328125e-06
    expect(band1?.p_value).toBeCloseTo(1.9073486328125e-6, 18);
    const band3 = c.bands_by_human.find((x) => x.band === '3');
    // mcnemar([[35, 5], [0, 0]], exact=True).pvalue -> 0.0625
    expect(band3?.p_value).toBeCloseTo(0.0625, 14);
    expect(band3?.change).toBeCloseTo(-5 / 40, 14);
    expect(band3?.q_value).toBeGreaterThanOrEqual(band3?.p_value ?? 1);
    const ci = c.overall.change_ci ?? [0, 0];
    expect(ci[0]).toBeGreaterThan(0);
    expect(ci[1]).toBeLessThan(0.3);
    expect(c.bands.find((x) => x.band === '5')?.verdict_a).toBe('untrusted');
  });

  it('calls a worse judge a regression, and no change no change', () => {
    expect(compareJudges(b, a, { scale, judgeA: 'v2', judgeB: 'v1' }).verdict).toBe('regressed');
    expect(compareJudges(a, a, { scale, judgeA: 'v1', judgeB: 'v1-again' }).verdict).toBe('no_significant_change');
  });
});
