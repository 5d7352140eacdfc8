import { describe, expect, it } from 'vitest';
import { extraLabelsNeeded } from './extra-labels-needed.js';

describe('extraLabelsNeeded', () => {
  it('finds the smallest label count whose Wilson interval decides against the target', () => {
    // statsmodels 0.15.0 proportion_confint(N, N, method='wilson')[0]: N=15 -> 0.7961, N=16 -> 0.8064
    expect(extraLabelsNeeded(3, 3, 0.8)).toBe(13);
    // proportion_confint(0.7N, N, method='wilson')[1] first drops below 0.8 at N = 62 (61 -> 0.80032, 62 -> 0.79963)
    expect(extraLabelsNeeded(7, 10, 0.8)).toBe(52);
    // proportion_confint(0.9N, N, method='wilson')[0] first reaches 0.8 at N = 62
    expect(extraLabelsNeeded(18, 20, 0.8)).toBe(42);
  });

  it('is 0 when already decided and null when it cannot plan', () => {
    expect(extraLabelsNeeded(95, 100, 0.8)).toBe(0);
    expect(extraLabelsNeeded(0, 0, 0.8)).toBeNull();
    expect(extraLabelsNeeded(8, 10, 0.8)).toBeNull();
  });
});
