import { describe, expect, it } from 'vitest';
import { categoryCounts, compressRows } from './category-counts.js';
import { alphaFromCounts, intervalAlphaFromMoments, krippendorffAlpha } from './krippendorff-alpha.js';
import { KRIPPENDORFF_UNITS } from './test-helpers/krippendorff-2011.js';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers × 12 units
// with missing values (null). Published: nominal α = 0.743, ordinal α = 0.815, interval α = 0.849.
// Full-precision values from an independent coincidence-matrix computation in numpy 2.4.6
// (nominal 0.743421052631579, ordinal 0.8153875037548813, interval 0.8491071428571428); irrCAC's
// README gives krippen.alpha.raw(cac.raw4raters) = 0.74342 on the same data.

describe('krippendorffAlpha', () => {
  it('reproduces Krippendorff (2011) nominal, ordinal and interval', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'nominal' })).toBeCloseTo(0.743421052631579, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'ordinal' })).toBeCloseTo(0.8153875037548813, 12);
    expect(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'interval' })).toBeCloseTo(0.8491071428571428, 12);
    expect(Number(krippendorffAlpha(KRIPPENDORFF_UNITS, { metric: 'nominal' }).toFixed(3))).toBe(0.743);
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
