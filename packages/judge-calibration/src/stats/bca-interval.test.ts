import { describe, expect, it } from 'vitest';
import { bcaInterval, jackknifeAcceleration } from './bca-interval.js';

// Data and 40 bootstrap means (numpy default_rng(12345), rounded to 6 decimals) fed to scipy 1.17.1's
// own BCa step: scipy.stats._resampling._bca_interval((x,), np.mean, axis=-1, alpha=0.025,
// theta_hat_b=reps, batch=None, xp=np) -> alpha_1=0.10316168871120407, alpha_2=0.9974688529593949,
// a_hat=0.04800817164090181; np.quantile(reps, [alpha_1, alpha_2]) -> [3.33372144, 6.03190233].
const x = [2.1, 3.4, 1.9, 5.6, 4.4, 2.8, 7.9, 3.3, 2.2, 6.1, 3.0, 9.8];
const reps = [
  4.341667, 4.091667, 3.1, 3.158333, 3.733333, 4.483333, 5.866667, 4.041667, 3.35, 4.45, 5.108333, 3.008333, 4.216667, 4.491667,
  3.333333, 4.625, 3.858333, 4.991667, 4.35, 4.633333, 5.008333, 4.0, 3.883333, 5.25, 3.9, 5.1, 4.283333, 3.466667, 4.95, 3.7,
  3.825, 4.75, 4.0, 4.608333, 4.375, 3.833333, 3.216667, 6.05, 4.166667, 3.975,
];

describe('bcaInterval', () => {
  it('reproduces scipy BCa endpoints from a fixed set of replicates', () => {
    const total = x.reduce((s, v) => s + v, 0);
    const jackknife = x.map((v) => (total - v) / (x.length - 1));
    const a = jackknifeAcceleration(jackknife);
    expect(a).toBeCloseTo(0.04800817164090181, 14);
    const r = bcaInterval(total / x.length, Float64Array.from(reps), a, 0.95);
    expect(r.method).toBe('bca');
    expect(r.ci[0]).toBeCloseTo(3.33372144, 7);
    expect(r.ci[1]).toBeCloseTo(6.03190233, 7);
  });

  it('weighted jackknife equals the expanded one', () => {
    const values = [0.5, 0.5, 0.5, 0.7, 0.7, 0.2];
    expect(jackknifeAcceleration([0.5, 0.7, 0.2], [3, 2, 1])).toBeCloseTo(jackknifeAcceleration(values), 14);
  });

  it('is the point when every replicate equals the estimate, and percentile when all lie on one side', () => {
    expect(bcaInterval(0.8, Float64Array.from([0.8, 0.8, 0.8]), 0).ci).toEqual([0.8, 0.8]);
    const r = bcaInterval(1, Float64Array.from([0.2, 0.4, 0.6]), 0.1);
    expect(r.method).toBe('percentile');
    expect(() => bcaInterval(1, new Float64Array(0), 0)).toThrow(RangeError);
  });
});
