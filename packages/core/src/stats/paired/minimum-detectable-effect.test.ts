import { describe, expect, it } from 'vitest';
import { minimumDetectableEffect } from './minimum-detectable-effect.js';

describe('minimumDetectableEffect', () => {
  it("equals statsmodels' one-sample normal power solution times σ", () => {
    // statsmodels 0.15.0: NormalIndPower().solve_power(effect_size=None, nobs1=n, alpha=a, power=p, ratio=0, alternative='larger')
    // statsmodels solves numerically (brentq), so it agrees to ~1e-6, not to machine precision.
    expect(minimumDetectableEffect(400, 1, 0.05, 0.8)).toBeCloseTo(0.1243236907867229, 5);
    expect(minimumDetectableEffect(40, 1, 0.005, 0.8)).toBeCloseTo(0.5403472470949358, 5);
    expect(minimumDetectableEffect(1000, 1, 0.01, 0.9)).toBeCloseTo(0.11409048074831499, 5);
    expect(minimumDetectableEffect(400, 0.4, 0.05)).toBeCloseTo(0.4 * 0.1243236907867229, 5);
    // closed form with scipy 1.17.1 norm.ppf(0.95) = 1.6448536269514722, norm.ppf(0.8) = 0.8416212335729143
    expect(minimumDetectableEffect(400, 1, 0.05, 0.8)).toBeCloseTo((1.6448536269514722 + 0.8416212335729143) / 20, 12);
  });
  it('rejects out-of-range arguments', () => {
    expect(() => minimumDetectableEffect(0, 1, 0.05)).toThrow(RangeError);
    expect(() => minimumDetectableEffect(10, 1, 1.5)).toThrow(RangeError);
    expect(() => minimumDetectableEffect(10, -1, 0.05)).toThrow(RangeError);
  });
});
