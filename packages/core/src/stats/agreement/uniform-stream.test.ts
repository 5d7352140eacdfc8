import { describe, expect, it } from 'vitest';
import { createUniformStream } from './uniform-stream.js';

describe('createUniformStream', () => {
  it('is reproducible, block-size independent, and uniform (chi-square over 20 bins)', () => {
    const a = new Float64Array(10_000);
    createUniformStream(5).fill(a);
    const s = createUniformStream(5);
    const b1 = new Float64Array(3_000);
    const b2 = new Float64Array(7_000);
    s.fill(b1);
    s.fill(b2);
    expect(Array.from(a)).toEqual([...b1, ...b2]);
    const bins = new Array<number>(20).fill(0);
    for (const u of a) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      bins[Math.floor(u * 20)]! += 1;
    }
    const chi2 = bins.reduce((t, o) => t + (o - 500) ** 2 / 500, 0);
    // scipy 1.17.1: stats.chi2.ppf(0.999, 19) = 43.82020580...
    expect(chi2).toBeLessThan(43.82);
  });
});
