import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { binomialCdf } from './binomial-tail.js';
import { binomialSample } from './binomial-sample.js';

describe('binomialSample', () => {
  it('has the Binomial(m, p) mean m·p and variance m·p·(1−p) (both the small-mean and the modal search)', () => {
    const rng = createRng(3);
    for (const [m, p] of [[30, 0.2], [100_000, 0.3], [5000, 0.9]] as const) {
      const n = 20_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = binomialSample(m, p, rng);
        s += x;
        s2 += x * x;
      }
      const mean = s / n;
      const variance = s2 / n - mean * mean;
      const sd = Math.sqrt(m * p * (1 - p));
      // Monte-Carlo error: 5 standard errors of the mean, 10% on the variance.
      expect(Math.abs(mean - m * p)).toBeLessThan((5 * sd) / Math.sqrt(n));
      expect(Math.abs(variance / (m * p * (1 - p)) - 1)).toBeLessThan(0.1);
    }
  });
  it('matches the binomial distribution function (chi-square over deciles)', () => {
    // Bins between the Binomial(400, 0.35) deciles; expected counts from binomialCdf (tested against scipy).
    const rng = createRng(9);
    const m = 400;
    const p = 0.35;
    const edges = [128, 132, 135, 138, 140, 142, 145, 148, 152]; // scipy 1.17.1: binom.ppf([0.1, …, 0.9], 400, 0.35)
    const counts = new Array<number>(edges.length + 1).fill(0);
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const x = binomialSample(m, p, rng);
      const bin = edges.findIndex((e) => x <= e);
      counts[bin === -1 ? edges.length : bin] = (counts[bin === -1 ? edges.length : bin] ?? 0) + 1;
    }
    let chi2 = 0;
    let previous = 0;
    for (let b = 0; b <= edges.length; b++) {
      const cdf = b < edges.length ? binomialCdf(edges[b] ?? 0, m, p) : 1;
      const expected = n * (cdf - previous);
      previous = cdf;
      chi2 += ((counts[b] ?? 0) - expected) ** 2 / expected;
    }
    // 9 degrees of freedom: scipy 1.17.1 chi2.ppf(0.999, 9) = 27.877
    expect(chi2).toBeLessThan(27.877);
  });
  it('handles the edges and rejects bad parameters', () => {
    const rng = createRng(1);
    expect(binomialSample(0, 0.5, rng)).toBe(0);
    expect(binomialSample(10, 0, rng)).toBe(0);
    expect(binomialSample(10, 1, rng)).toBe(10);
    expect(() => binomialSample(-1, 0.5, rng)).toThrow(RangeError);
    expect(() => binomialSample(3, 2, rng)).toThrow(RangeError);
  });
});
