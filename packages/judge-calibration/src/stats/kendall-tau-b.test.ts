import { createRng } from '@touchstone/core/stats';
import { describe, expect, it } from 'vitest';
import { kendallTauB } from './kendall-tau-b.js';

describe('kendallTauB', () => {
  it('matches scipy test_kendalltau (values cross-checked there against R cor.test)', () => {
    // scipy 1.17.1 stats/tests/test_stats.py::test_kendalltau
    expect(kendallTauB([5, 2, 1, 3, 6, 4, 7, 8], [5, 2, 6, 3, 1, 8, 7, 4])).toBeCloseTo(0, 12);
    expect(kendallTauB([5, 2, 1, 3, 6, 4, 7], [5, 2, 6, 3, 1, 7, 4])).toBeCloseTo(-0.14285714286, 10);
    expect(kendallTauB([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 2, 1, 3, 4, 6, 5, 7, 8, 9])).toBeCloseTo(0.9111111111111111, 12);
    // tau-b with ties: R cor.test(c(12,2,1,12,2), c(1,4,7,1,0), method="kendall") -> -0.47140452079103173
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-0.47140452079103173, 14);
    // Kendall (1970) example where tau-b and tau-c differ: tau-b = 0.85895569
    expect(kendallTauB([1, 2, 2, 4, 4, 6, 6, 8, 9, 9], [1, 2, 4, 4, 4, 4, 8, 8, 8, 10])).toBeCloseTo(0.8589556903873334, 14);
  });

  it('handles ordinal data with heavy ties like scipy', () => {
    const x = Array.from({ length: 60 }, (_, i) => ((i * 7) % 5) + 1);
    const y = x.map((v, i) => Math.min(5, Math.max(1, v + ((i * 13) % 3) - 1)));
    // scipy 1.17.1: stats.kendalltau(x, y).statistic -> 0.7666666666666666
    expect(kendallTauB(x, y)).toBeCloseTo(0.7666666666666666, 13);
  });

  it('agrees with the O(n²) definition on random tied data', () => {
    const rng = createRng(7);
    const x = Array.from({ length: 400 }, () => rng.int(6));
    const y = x.map((v) => v + rng.int(4));
    let s = 0;
    let tx = 0;
    let ty = 0;
    for (let i = 0; i < x.length; i++) {
      for (let j = i + 1; j < x.length; j++) {
        const a = Math.sign((x[i] as number) - (x[j] as number));
        const b = Math.sign((y[i] as number) - (y[j] as number));
        s += a * b;
        if (a !== 0) tx += 1;
        if (b !== 0) ty += 1;
      }
    }
    expect(kendallTauB(x, y)).toBeCloseTo(s / Math.sqrt(tx * ty), 12);
  });

  it('is NaN when a variable is constant (scipy returns nan)', () => {
    expect(kendallTauB([2, 2, 2], [2, 0, 2])).toBeNaN();
    expect(() => kendallTauB([1, 2], [1])).toThrow(RangeError);
  });
});
