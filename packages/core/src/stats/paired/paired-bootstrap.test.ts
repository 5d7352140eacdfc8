import { describe, expect, it } from 'vitest';
import { pairedBootstrapCi } from './paired-bootstrap.js';

// numpy 2.4.6: np.round(default_rng(3).normal(0.05, 0.3, 60), 2)
const D = [0.66, -0.72, 0.18, -0.12, -0.09, -0.01, -0.56, -0.02, -0.21, 1.05, 0.12, -0.06, -0.03, -0.15, -0.27, -0.07, 0.19, -0.02, 0.34, -0.01, 0.06, 0.51, 0.21, -0.1, -0.0, 0.21, 0.63, -0.03, -0.02, 0.35, -0.22, -0.04, 0.31, 0.22, 0.08, 0.25, -0.8, 0.36, -0.24, -0.45, 0.13, 0.26, -0.08, -0.27, 0.06, 0.03, 0.47, 0.27, 0.11, 0.38, -0.01, -0.23, 0.23, 0.22, -0.01, -0.18, 0.12, -0.7, 0.26, 0.2];

describe('pairedBootstrapCi', () => {
  it("agrees with scipy's percentile bootstrap within Monte-Carlo error", () => {
    // scipy 1.17.1: bootstrap((D,), np.mean, method='percentile', n_resamples=200000, random_state=1)
    // -> (-0.03583333, 0.12683333); SE of the mean 0.0415, so a 2.5% quantile from 20000 resamples has MC SE ≈ 0.0008.
    const [lo, hi] = pairedBootstrapCi(D, { resamples: 20000, seed: 11 });
    expect(Math.abs(lo - -0.03583333333333334)).toBeLessThan(0.004);
    expect(Math.abs(hi - 0.12683333333333333)).toBeLessThan(0.004);
  });
  it('is reproducible from its seed and narrows with the confidence level', () => {
    expect(pairedBootstrapCi(D, { seed: 5 })).toEqual(pairedBootstrapCi(D, { seed: 5 }));
    const [lo80, hi80] = pairedBootstrapCi(D, { seed: 5, confidence: 0.8 });
    const [lo95, hi95] = pairedBootstrapCi(D, { seed: 5, confidence: 0.95 });
    expect(lo80).toBeGreaterThan(lo95);
    expect(hi80).toBeLessThan(hi95);
  });
  it('collapses to the point for constant differences and rejects bad input', () => {
    const [lo, hi] = pairedBootstrapCi([0.2, 0.2, 0.2]);
    expect(lo).toBeCloseTo(0.2, 15);
    expect(hi).toBe(lo);
    expect(() => pairedBootstrapCi([])).toThrow(RangeError);
    expect(() => pairedBootstrapCi([Number.NaN])).toThrow(RangeError);
  });
});

describe('pairedBootstrapCi on few distinct values (multinomial counts)', () => {
  it('agrees with scipy on a 1–5-scale difference sample', () => {
    // d: 400 × -1, 900 × 0, 500 × 1, 200 × 2 (n = 2000): mean 0.25, sd 0.8876.
    // scipy 1.17.1: bootstrap((d,), np.mean, method='percentile', n_resamples=200000, random_state=1) -> (0.211, 0.289)
    const d = [...Array<number>(400).fill(-1), ...Array<number>(900).fill(0), ...Array<number>(500).fill(1), ...Array<number>(200).fill(2)];
    const [lo, hi] = pairedBootstrapCi(d, { resamples: 20000, seed: 2 });
    expect(Math.abs(lo - 0.211)).toBeLessThan(0.003);
    expect(Math.abs(hi - 0.289)).toBeLessThan(0.003);
  });
});
