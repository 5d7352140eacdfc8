import { describe, expect, it } from 'vitest';
import { categoryCounts, compressRows } from './category-counts.js';
import { UsageError } from '../../errors/touchstone-error.js';
import { alphaFromCounts, intervalAlphaFromMoments, krippendorffAlpha, type AlphaMetric } from './krippendorff-alpha.js';
import { KRIPPENDORFF_UNITS } from './test-helpers/krippendorff-2011.js';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units
// with missing values (null). Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849,
// ratio α = 0.797 (also the `krippendorff` Python package's docstring: round(alpha(…, "ratio"), 3) = 0.797).
// Full-precision values from an independent coincidence-matrix computation in numpy 2.4.6
// (nominal 0.743421052631579, ordinal 0.8153875037548813, interval 0.8491071428571428,
// ratio 0.797402774711612); irrCAC's README gives krippen.alpha.raw(cac.raw4raters) = 0.74342.

describe('krippendorffAlpha', () => {
  it('reproduces Krippendorff (2011) nominal, ordinal and interval', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'nominal' })).toBeCloseTo(0.743421052631579, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'ordinal' })).toBeCloseTo(0.8153875037548813, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'interval' })).toBeCloseTo(0.8491071428571428, 12);
    expect(Number(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'nominal' }).toFixed(3))).toBe(0.743);
  });
  it('reproduces Krippendorff (2011) ratio, distinct from ordinal', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'ratio' })).toBeCloseTo(0.797402774711612, 12);
    expect(Number(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'ratio' }).toFixed(3))).toBe(0.797);
    // `krippendorff` package test_ratio_metric_with_zeros: a zero value is allowed, perfect agreement is 1.
    expect(krippendorffAlpha([[0, 0], [1, 1], [2, 2]], { metric: 'ratio' })).toBe(1);
    expect(() => krippendorffAlpha([[-1, 1], [1, 1]], { metric: 'ratio' })).toThrow(RangeError);
  });
  it('rejects an unknown metric name instead of computing another metric', () => {
    const call = (): number => krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'Ratio' as AlphaMetric });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(/no metric "Ratio"; use one of nominal, ordinal, interval, ratio/);
    try {
      call();
    } catch (e) {
      expect((e as UsageError).code).toBe('UNKNOWN_ALPHA_METRIC');
    }
  });
  it('treats NaN as a missing rating, not as a category', () => {
    // Unit 1 has one rating left and is not pairable. Independent numpy 2.4.6 coincidence-matrix
    // computation on [[2,2],[3,3],[1,2]]: nominal 0.5454545454545454 (1 − 5·2/22), ordinal
    // 0.7777777777777778, interval 0.7058823529411764. NaN as a category gave nominal 0.391.
    const units = [[1, Number.NaN], [2, 2], [3, 3], [1, 2]];
    expect(krippendorffAlpha(units, { metric: 'nominal' })).toBeCloseTo(0.5454545454545454, 12);
    expect(krippendorffAlpha(units, { metric: 'ordinal' })).toBeCloseTo(0.7777777777777778, 12);
    expect(krippendorffAlpha(units, { metric: 'interval' })).toBeCloseTo(0.7058823529411764, 12);
    expect(krippendorffAlpha(units)).toBe(krippendorffAlpha([[1, null], [2, 2], [3, 3], [1, 2]]));
  });
  it('interval alpha from moments equals the coincidence-matrix value', () => {
    const m: number[] = [];
    const s1: number[] = [];
    const s2: number[] = [];
    for (const unit of KRIPPENDORFF_UNITS) {
      const v = unit.filter((x): x is number => x !== null && x !== undefined);
      m.push(v.length);
      s1.push(v.reduce((a, b) => a + b, 0));
      s2.push(v.reduce((a, b) => a + b * b, 0));
    }
    expect(intervalAlphaFromMoments(m, s1, s2)).toBeCloseTo(0.8491071428571428, 12);
  });
  it('gives the same value on compressed rows weighted by multiplicity', () => {
    const table = categoryCounts([...KRIPPENDORFF_UNITS, ...KRIPPENDORFF_UNITS]);
    const { table: rows, multiplicity } = compressRows(table);
    expect(rows.nRows).toBeLessThan(table.nRows);
    for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
      expect(alphaFromCounts(rows, metric, multiplicity)).toBeCloseTo(alphaFromCounts(table, metric), 12);
    }
  });
  it('is 1 for perfect agreement and NaN when nothing varies', () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, 3, 3]])).toBe(1);
    expect(krippendorffAlpha([[1, 1], [1, 1]])).toBeNaN();
  });
});
