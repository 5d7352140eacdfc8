import { describe, expect, it } from 'vitest';
import { mcnemarExact } from './mcnemar-exact.js';

describe('mcnemarExact', () => {
  it("matches statsmodels' mcnemar(table, exact=True)", () => {
    // statsmodels 0.15.0: mcnemar([[a, b], [c, d]], exact=True) -> (statistic, pvalue)
    const cases: [number, number, number, number][] = [
      [6, 16, 6, 0.052478790283203125], // cavo_2012, also contingencytables: "McNemar exact conditional test: P = 0.052479"
      [3, 12, 3, 0.03515625],
      [5, 5, 5, 1.0],
      [0, 0, 0, 1.0],
      [40, 20, 20, 0.01348929373119186],
      [1, 7, 1, 0.0703125],
    ];
    for (const [b, c, statistic, p] of cases) {
      const r = mcnemarExact(b, c);
      expect(r.statistic).toBe(statistic);
      expect(r.pvalue).toBeCloseTo(p, 14);
    }
  });
  it("one-sided p-values match scipy's binomtest(b, b + c, 0.5, alternative)", () => {
    // scipy 1.17.1: binomtest(k, n, 0.5, alternative='greater' | 'less').pvalue
    expect(mcnemarExact(16, 6, 'greater').pvalue).toBeCloseTo(0.02623939514160156, 14);
    expect(mcnemarExact(16, 6, 'less').pvalue).toBeCloseTo(0.9915497303009033, 14);
    expect(mcnemarExact(40, 20, 'greater').pvalue).toBeCloseTo(0.00674464686559593, 14);
    expect(mcnemarExact(56, 24, 'greater').pvalue).toBeCloseTo(0.0002257586359574054, 14);
    expect(mcnemarExact(0, 0, 'greater').pvalue).toBe(1);
  });
  it('rejects non-count input', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 3)).toThrow(RangeError);
  });
});
