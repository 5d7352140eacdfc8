import { describe, expect, it } from 'vitest';
import { kolmogorovSf } from './kolmogorov-sf.js';
import { ksTwoSample } from './ks-two-sample.js';
import { ksTwoSampleWeighted } from './ks-weighted.js';

describe('ksTwoSampleWeighted', () => {
  it('with integer weights has the D of ks_2samp on the expanded sample (scipy.stats.ks_2samp statistic)', () => {
    const a = [1, 2, 2, 3, 5, 8, 13, 21];
    const b = [2, 4, 6, 8];
    const w = [3, 1, 2, 4];
    const expanded = b.flatMap((x, i) => Array.from({ length: w[i] as number }, () => x));
    expect(ksTwoSampleWeighted(a, b, w).statistic).toBeCloseTo(ksTwoSample(a, expanded).statistic, 12);
  });
  it("with equal weights gives ks_2samp's asymptotic p-value, n = round(n₁n₂/(n₁+n₂))", () => {
    const a = Array.from({ length: 40 }, (_, i) => (i * 37) % 23);
    const b = Array.from({ length: 30 }, (_, i) => ((i * 17) % 19) + 2);
    const r = ksTwoSampleWeighted(a, b, b.map(() => 2.5));
    const d = ksTwoSample(a, b).statistic;
    expect(r.statistic).toBeCloseTo(d, 12);
    expect(r.pValue).toBeCloseTo(kolmogorovSf(Math.round((40 * 30) / 70), d), 12);
  });
});
