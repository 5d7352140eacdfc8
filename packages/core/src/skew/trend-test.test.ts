import { describe, expect, it } from 'vitest';
import { trendTest } from './trend-test.js';

describe('trendTest', () => {
  it('is the Pearson correlation test in permutation form with one stratum', () => {
    // scipy 1.17.1: pearsonr(x, y).statistic = 0.9446051653665862, so z = r·√9 = 2.8338154960997586;
    // linregress(x, y).slope = 0.2515151515151516
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = [2.1, 1.9, 2.5, 2.4, 3.1, 2.8, 3.6, 3.2, 3.9, 4.4];
    const t = trendTest(x, y);
    expect(t.z).toBeCloseTo(2.8338154960997586, 10);
    expect(t.slope).toBeCloseTo(0.2515151515151516, 12);
    expect(t.n).toBe(10);
  });
  it('stratifies: a level shift between strata is not a trend, and the variance is the exact permutation variance', () => {
    const x = [1, 2, 3, 1, 2, 3];
    const r = [0, 1, 0, 10, 11, 10];
    const strata = [0, 0, 0, 1, 1, 1];
    expect(trendTest(x, r, strata).slope).toBeCloseTo(0, 12);
    // Brute force: all 3!·3! permutations of r within strata; T = Σ (x − x̄_s) r.
    const y = [0, 1, 3, 5, 5, 9];
    const perms = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((v, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [v, ...p])));
    const ts: number[] = [];
    for (const a of perms(y.slice(0, 3))) for (const b of perms(y.slice(3))) ts.push([...a, ...b].reduce((s, v, i) => s + (x[i]! - 2) * v, 0));
    const variance = ts.reduce((s, v) => s + v * v, 0) / ts.length;
    const t = trendTest(x, y, strata);
    const observed = y.reduce((s, v, i) => s + (x[i]! - 2) * v, 0);
    expect(t.z).toBeCloseTo(observed / Math.sqrt(variance), 12);
  });
  it('returns p = 1 when nothing varies', () => {
    expect(trendTest([1, 1, 1], [1, 2, 3]).pValue).toBe(1);
  });
});
