import { describe, expect, it } from 'vitest';
import { allocate } from './allocation.js';

describe('allocate', () => {
  it('is proportional with largest remainders, summing exactly to the size', () => {
    // 100 from strata of 500/300/200 -> 50/30/20; 10 from 1/1/1 (capped) -> 1/1/1
    expect(Object.fromEntries(allocate([{ key: 'a', size: 500 }, { key: 'b', size: 300 }, { key: 'c', size: 200 }], 100, 'proportional'))).toEqual({ a: 50, b: 30, c: 20 });
    expect(Object.fromEntries(allocate([{ key: 'a', size: 1 }, { key: 'b', size: 1 }, { key: 'c', size: 1 }], 10, 'proportional'))).toEqual({ a: 1, b: 1, c: 1 });
    const odd = allocate([{ key: 'a', size: 7 }, { key: 'b', size: 7 }, { key: 'c', size: 7 }], 10, 'proportional');
    expect([...odd.values()].reduce((s, n) => s + n, 0)).toBe(10);
  });
  it('re-allocates what a capped stratum cannot take', () => {
    const r = allocate([{ key: 'big', size: 1000 }, { key: 'tiny', size: 3 }], 500, 'proportional');
    expect(r.get('tiny')).toBeLessThanOrEqual(3);
    expect((r.get('big') ?? 0) + (r.get('tiny') ?? 0)).toBe(500);
  });
  it('follows Neyman n_h ∝ N_h S_h (Cochran 1977, "Sampling Techniques" §5.5) with a floor of two per stratum', () => {
    // N = (1000, 1000), S = (0.5, 0.1): shares 0.5·1000 : 0.1·1000 = 5 : 1, after 2 + 2 floors: 96 left -> 80 : 16
    const r = allocate([{ key: 'a', size: 1000, sd: 0.5 }, { key: 'b', size: 1000, sd: 0.1 }], 100, 'neyman');
    expect(Object.fromEntries(r)).toEqual({ a: 82, b: 18 });
    // all S_h = 0 → proportional
    expect(Object.fromEntries(allocate([{ key: 'a', size: 300, sd: 0 }, { key: 'b', size: 100, sd: 0 }], 40, 'neyman'))).toEqual({ a: 30, b: 10 });
  });
});
