import { describe, expect, it } from 'vitest';
import { spearman } from './spearman.js';

describe('spearman', () => {
  it('matches scipy.stats.spearmanr with ties', () => {
    // scipy 1.17.1: spearmanr([1,2,3,4,5],[5,6,7,8,7]).statistic -> 0.8207826816681233 (scipy docs example)
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 13);
    // scipy test_stats.py::TestCorrSpearmanr2::test_tie1 data: spearmanr -> 0.9486832980505139
    expect(spearman([1, 2, 3, 4], [1, 2, 2, 3])).toBeCloseTo(0.9486832980505139, 13);
    // test_tie2 data: spearmanr([1, 2, 2.5, 2], [1, 3, 2.5, 4]) -> 0.316227766016838
    expect(spearman([1, 2, 2.5, 2], [1, 3, 2.5, 4])).toBeCloseTo(0.316227766016838, 13);
    const x = Array.from({ length: 60 }, (_, i) => ((i * 7) % 5) + 1);
    const y = x.map((v, i) => Math.min(5, Math.max(1, v + ((i * 13) % 3) - 1)));
    // scipy 1.17.1: spearmanr(x, y).statistic -> 0.8666666666666668
    expect(spearman(x, y)).toBeCloseTo(0.8666666666666668, 13);
  });

  it('is NaN for a constant input (test_tie0) and rejects bad input', () => {
    expect(spearman([2, 2, 2], [2, 0, 2])).toBeNaN();
    expect(() => spearman([1], [1])).toThrow(RangeError);
    expect(() => spearman([1, Number.NaN], [1, 2])).toThrow(RangeError);
  });
});
