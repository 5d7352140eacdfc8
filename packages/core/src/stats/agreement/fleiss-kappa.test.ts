import { describe, expect, it } from 'vitest';
import { categoryCounts } from './category-counts.js';
import { fleissKappa, fleissKappaFromCounts } from './fleiss-kappa.js';
import { KRIPPENDORFF_UNITS } from './test-helpers/krippendorff-2011.js';

// Fleiss (1971) / Wikipedia "Fleiss' kappa" worked example: 10 subjects, 14 raters, 5 categories,
// κ = 0.210. statsmodels 0.15.0: inter_rater.fleiss_kappa(table) -> 0.20993070442195522
const WIKI = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];

describe('fleissKappa', () => {
  it('reproduces the Wikipedia / statsmodels value', () => {
    expect(fleissKappa(WIKI)).toBeCloseTo(0.20993070442195522, 12);
  });
  it('honours row weights as repeated items', () => {
    const table = categoryCounts([[1, 1, 2], [2, 2, 2], [1, 2, 2]]);
    const repeated = categoryCounts([[1, 1, 2], [2, 2, 2], [2, 2, 2], [1, 2, 2]]);
    expect(fleissKappaFromCounts(table, [1, 2, 1])).toBeCloseTo(fleissKappaFromCounts(repeated), 12);
  });
  // irrCAC README (kgwet/irrCAC): fleiss.kappa.raw(cac.raw4raters) -> pa 0.8181818, pe 0.2387153,
  // coeff 0.76117 on the 12 units rated by 1 to 4 of 4 raters (Gwet 2014's generalized Fleiss kappa).
  // Full precision from an independent numpy 2.4.6 computation of the same formulas: 0.7611692754224112.
  it('generalizes to items with different numbers of ratings, as irrCAC does', () => {
    expect(fleissKappaFromCounts(categoryCounts(KRIPPENDORFF_UNITS))).toBeCloseTo(0.7611692754224112, 12);
    expect(Number(fleissKappaFromCounts(categoryCounts(KRIPPENDORFF_UNITS)).toFixed(5))).toBe(0.76117);
  });
  it('is NaN when no item has two ratings', () => {
    expect(fleissKappa([[1, 0], [0, 1]])).toBeNaN();
  });
});
