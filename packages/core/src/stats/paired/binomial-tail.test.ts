import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialSf } from './binomial-tail.js';

// Relative 1e-9: the Lanczos log-gamma behind the anchor term has an absolute error that grows with n
// (≈1e-11 relative at n = 10 000), far below what a p-value needs.
const close = (actual: number, expected: number, rel = 1e-9): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300));
};

describe('binomialCdf / binomialSf', () => {
  it('matches scipy.stats.binom (scipy 1.17.1)', () => {
    // scipy 1.17.1: binom.cdf(k, n, p) and binom.sf(k - 1, n, p)
    const cases: [number, number, number, number, number][] = [
      [3, 10, 0.5, 0.171875, 0.9453125],
      [250, 1000, 0.3, 0.0002598030365289303, 0.999801452673767],
      [0, 50, 0.5, 8.881784197001252e-16, 1.0],
      [480, 1000, 0.5, 0.10872414660207075, 0.9026168357691174],
      [12, 20, 0.9, 0.00041563501884547534, 0.9999401414682596],
      [2, 10000, 0.001, 0.002760324090749086, 0.9995026410086071],
    ];
    for (const [k, n, p, cdf, sf] of cases) {
      close(binomialCdf(k, n, p), cdf);
      close(binomialSf(k, n, p), sf);
    }
  });
  it('handles the ends of the support and degenerate p', () => {
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialSf(0, 10, 0.5)).toBe(1);
    expect(binomialSf(11, 10, 0.5)).toBe(0);
    expect(binomialCdf(0, 10, 0)).toBe(1);
    expect(binomialCdf(9, 10, 1)).toBe(0);
  });
  it('rejects impossible parameters', () => {
    expect(() => binomialCdf(1, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialSf(1, 10, 1.5)).toThrow(RangeError);
  });
});
