import { createRng } from '@touchstone/core/stats';
import { describe, expect, it } from 'vitest';
import { bootstrapMeans } from './bootstrap-means.js';

describe('bootstrapMeans', () => {
  it("matches R boot's BCa interval for a mean", () => {
    // R boot (via scipy 1.17.1 test_resampling.py::test_bootstrap_against_R):
    //   boot(x, function(x, a) mean(x[a]), 1e6); boot.ci(...) -> BCa (32.31, 91.43)
    // scipy.stats.bootstrap((x,), np.mean, n_resamples=1e6, method='BCa', rng=0) -> (32.24375, 91.375)
    const x = [10, 12, 12.5, 12.5, 13.9, 15, 21, 22, 23, 34, 50, 81, 89, 121, 134, 213];
    const r = bootstrapMeans([x], { resamples: 200_000, seed: 3 });
    expect(r.sampler).toBe('items');
    const [lo, hi] = r.intervals[0]?.ci ?? [0, 0];
    // Monte Carlo error with 2e5 resamples is about ±0.5% at these quantiles.
    expect(Math.abs(lo - 32.31) / 32.31).toBeLessThan(0.01);
    expect(Math.abs(hi - 91.43) / 91.43).toBeLessThan(0.01);
  });

  it('draws the same distribution from counts as from items', () => {
    const rng = createRng(11);
    const d = Array.from({ length: 4000 }, () => rng.int(5) - 2 + (rng.next() < 0.3 ? 1 : 0));
    const abs = d.map(Math.abs);
    const counts = bootstrapMeans([d, abs], { resamples: 4000, seed: 5 });
    expect(counts.sampler).toBe('counts');
    const items = bootstrapMeans([d, abs], { resamples: 4000, seed: 5, sampler: 'items' });
    expect(items.sampler).toBe('items');
    for (const j of [0, 1]) {
      const a = counts.intervals[j]?.ci ?? [0, 0];
      const b = items.intervals[j]?.ci ?? [0, 0];
      const width = a[1] - a[0];
      expect(Math.abs(a[0] - b[0])).toBeLessThan(0.1 * width);
      expect(Math.abs(a[1] - b[1])).toBeLessThan(0.1 * width);
    }
    expect(counts.estimates[0]).toBeCloseTo(d.reduce((s, v) => s + v, 0) / d.length, 12);
  });

  it('is reproducible from its seed and rejects bad input', () => {
    const x = [1, 2, 3, 4, 10, 3, 2, 8];
    expect(bootstrapMeans([x], { seed: 9 }).intervals[0]?.ci).toEqual(bootstrapMeans([x], { seed: 9 }).intervals[0]?.ci);
    expect(() => bootstrapMeans([[]])).toThrow(RangeError);
    expect(() => bootstrapMeans([[1, 2], [1]])).toThrow(RangeError);
    expect(() => bootstrapMeans([[1, Number.NaN]])).toThrow(RangeError);
  });
});
