import { describe, expect, it } from 'vitest';
import { createRng } from '@touchstone/core/stats';
import { dailyCounts } from './traffic.js';
import { weightedIndex, weightedSampleWithoutReplacement, weightedSampler } from './weighted.js';

describe('weighted draws', () => {
  it('the cumulative sampler draws the same indices as the linear scan', () => {
    const weights = [0.5, 0, 3, 1.25, 0.25];
    const a = createRng(7);
    const b = createRng(7);
    const sample = weightedSampler(weights);
    for (let i = 0; i < 2000; i++) expect(sample(a)).toBe(weightedIndex(b, weights));
  });

  it('frequencies follow the weights and a zero weight is never drawn', () => {
    const rng = createRng(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[weightedIndex(rng, [1, 0, 2])]! += 1;
    expect(counts[1]).toBe(0);
    // Binomial(30000, 1/3): sd ≈ 82, so ±400 is about 5 sd.
    expect(Math.abs((counts[0] ?? 0) - 10_000)).toBeLessThan(400);
  });

  it('sampling without replacement returns distinct indices', () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const picked = weightedSampleWithoutReplacement(rng, [1, 1, 5, 1], 3);
      expect(new Set(picked).size).toBe(3);
    }
  });
});

describe('dailyCounts', () => {
  it('apportions exactly the total, weekends lighter than weekdays', () => {
    const counts = dailyCounts(50_000, 56, 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(counts[5]!).toBeLessThan(counts[4]!);
    expect(counts[7]!).toBeGreaterThan(counts[0]!);
  });
});
