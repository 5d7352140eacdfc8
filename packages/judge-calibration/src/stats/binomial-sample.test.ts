import { createRng } from '@touchstone/core/stats';
import { describe, expect, it } from 'vitest';
import { sampleBinomial } from './binomial-sample.js';
import { sampleMultinomial } from './multinomial-sample.js';

/** Exact binomial pmf by the textbook formula C(n,k) p^k (1−p)^(n−k), summed in logs. */
function pmf(n: number, k: number, p: number): number {
  let logC = 0;
  for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
  return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

describe('sampleBinomial', () => {
  it.each([
    [20, 0.3],
    [200, 0.5],
    [5000, 0.02],
    [20000, 0.8],
  ])('Binomial(%i, %f) fits the exact pmf (chi-square)', (n, p) => {
    const rng = createRng(n);
    const draws = 60_000;
    const counts = new Map<number, number>();
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < draws; i++) {
      const k = sampleBinomial(n, p, rng);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      sum += k;
      sum2 += k * k;
    }
    const mean = sum / draws;
    const variance = sum2 / draws - mean * mean;
    const sd = Math.sqrt(n * p * (1 - p));
    // Mean np within 5 standard errors; variance np(1−p) within 5%.
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws));
    expect(Math.abs(variance / (n * p * (1 - p)) - 1)).toBeLessThan(0.05);
    // Pearson chi-square over cells with expected count ≥ 20; the rest pooled.
    let chi = 0;
    let cells = 0;
    let restObs = draws;
    let restExp = draws;
    for (let k = Math.max(0, Math.floor(n * p - 6 * sd)); k <= Math.min(n, Math.ceil(n * p + 6 * sd)); k++) {
      const e = draws * pmf(n, k, p);
      if (e < 20) continue;
      const o = counts.get(k) ?? 0;
      chi += ((o - e) * (o - e)) / e;
      restObs -= o;
      restExp -= e;
      cells += 1;
    }
    if (restExp > 5) chi += ((restObs - restExp) * (restObs - restExp)) / restExp;
    // chi-square 0.999 quantile for ≤ 80 df is below 125 (scipy chi2.ppf(0.999, 80) = 124.8); fixed seed.
    expect(cells).toBeGreaterThan(3);
    expect(chi).toBeLessThan(Math.max(30, cells * 1.56));
  });

  it('handles the edges and rejects bad parameters', () => {
    const rng = createRng(1);
    expect(sampleBinomial(0, 0.4, rng)).toBe(0);
    expect(sampleBinomial(10, 0, rng)).toBe(0);
    expect(sampleBinomial(10, 1, rng)).toBe(10);
    expect(() => sampleBinomial(-1, 0.5, rng)).toThrow(RangeError);
    expect(() => sampleBinomial(3, 1.5, rng)).toThrow(RangeError);
  });
});

describe('sampleMultinomial', () => {
  it('returns counts summing to n with the expected means', () => {
    const rng = createRng(4);
    const w = [50, 30, 15, 5];
    const out = new Float64Array(4);
    const totals = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      sampleMultinomial(100, w, rng, out);
      expect(out.reduce((s, v) => s + v, 0)).toBe(100);
      for (let j = 0; j < 4; j++) totals[j] = (totals[j] as number) + (out[j] as number);
    }
    totals.forEach((t, j) => expect(t / 20_000).toBeCloseTo(w[j] as number, 0));
  });
});
