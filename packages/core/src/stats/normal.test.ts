import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, twoSidedP } from './normal.js';

describe('normalCdf / normalQuantile', () => {
  it('matches scipy.stats.norm.cdf to 1e-12', () => {
    // scipy 1.11: norm.cdf([-8, -3, -1.5, 0, 0.5, 1.96, 4, 9])
    const cases: [number, number][] = [
      [-8, 6.22096057427178e-16], [-3, 0.0013498980316300933], [-1.5, 0.06680720126885807], [0, 0.5],
      [0.5, 0.6914624612740131], [1.96, 0.9750021048517795], [4, 0.9999683287581669],
    ];
    for (const [x, p] of cases) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-12 * Math.max(1, 1 / p));
  });
  it('matches scipy.stats.norm.ppf', () => {
    // scipy 1.11: norm.ppf([1e-10, 0.025, 0.5, 0.9, 0.975])
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
  });
  it('two-sided p of z = 1.96 is 0.04999579 (scipy: 2*norm.sf(1.96))', () => {
    expect(twoSidedP(-1.96)).toBeCloseTo(0.04999579029644087, 12);
  });
});
