import { describe, expect, it } from 'vitest';
import { gwetAc } from './gwet-ac.js';
import { KRIPPENDORFF_UNITS } from './test-helpers/krippendorff-2011.js';

// irrCAC README (kgwet/irrCAC, Gwet 2014 Handbook 4th ed. p.120 data cac.raw4raters — the same 4×12
// data as Krippendorff 2011): gwet.ac1.raw(cac.raw4raters) -> pa 0.8181818, pe 0.1903212, AC1 0.77544.
// AC2 values: independent numpy 2.4.6 computation of Gwet's published formulas with irrCAC's
// quadratic/linear weights: quadratic pa 0.9753787878787878, pe 0.7137044270833333, AC2 0.9140007235516047;
// linear AC2 0.8587391364326115.
describe('gwetAc', () => {
  it('reproduces irrCAC AC1 on cac.raw4raters', () => {
    const r = gwetAc(KRIPPENDORFF_UNITS);
    expect(r.pa).toBeCloseTo(0.8181818, 6);
    expect(r.pe).toBeCloseTo(0.1903212, 6);
    expect(r.coefficient).toBeCloseTo(0.775444068126995, 12);
    expect(Number(r.coefficient.toFixed(5))).toBe(0.77544);
  });
  it('AC2 with quadratic and linear weights', () => {
    const q = gwetAc(KRIPPENDORFF_UNITS, { weights: 'quadratic' });
    expect(q.pa).toBeCloseTo(0.9753787878787878, 12);
    expect(q.pe).toBeCloseTo(0.7137044270833333, 12);
    expect(q.coefficient).toBeCloseTo(0.9140007235516047, 12);
    expect(gwetAc(KRIPPENDORFF_UNITS, { weights: 'linear' }).coefficient).toBeCloseTo(0.8587391364326115, 12);
  });
  it('treats NaN as a missing rating, not as a category', () => {
    // Independent numpy 2.4.6 computation of the formulas above on [[1,NaN],[2,2],[3,3],[1,2]] with NaN
    // missing: pa 2/3 (over the 3 items with 2 ratings), π = [0.375, 0.375, 0.25] over the 4 rated
    // items, pe 0.328125, AC1 0.503875968992248.
    const r = gwetAc([[1, Number.NaN], [2, 2], [3, 3], [1, 2]]);
    expect(r.pa).toBeCloseTo(2 / 3, 12);
    expect(r.pe).toBeCloseTo(0.328125, 12);
    expect(r.coefficient).toBeCloseTo(0.503875968992248, 12);
  });
  it('stays high when one class dominates, where kappa collapses (the kappa paradox)', () => {
    // 98 items both raters say 1, 2 items they disagree: agreement 98%, yet Fleiss/Scott-type chance
    // correction drives kappa near 0 while AC1 stays near 0.98.
    const units = [...Array.from({ length: 98 }, () => [1, 1]), [1, 0], [0, 1]];
    // numpy: AC1 = 0.9795960008161599 (pa 0.98, pe 0.0198); Scott's pi / Fleiss = -0.0101010101
    expect(gwetAc(units).coefficient).toBeCloseTo(0.9795960008161599, 12);
  });
});
