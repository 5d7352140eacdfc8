import { describe, expect, it } from 'vitest';
import { judgeScoreShift } from './judge-score-shift.js';

const counts = (c: readonly number[]): number[] => c.flatMap((n, i) => new Array<number>(n).fill(i + 1));

describe('judgeScoreShift', () => {
  it('is chi-square homogeneity on the score values (scipy.stats.chi2_contingency)', () => {
    // scipy 1.17.1: chi2_contingency([[5, 10, 20, 30, 15], [10, 20, 20, 15, 15]]) -> statistic 10.0, p 0.04042768199451279, dof 4
    const gold = counts([5, 10, 20, 30, 15]);
    const traffic = counts([10, 20, 20, 15, 15]);
    const r = judgeScoreShift(gold, traffic, traffic.map(() => 1))!;
    expect(r.chi2).toBeCloseTo(10, 12);
    expect(r.df).toBe(4);
    expect(r.p_value).toBeCloseTo(0.04042768199451279, 10);
    expect(r.gold_mean).toBeCloseTo(3.5, 12);
  });
  it('counts weighted traffic at its effective size', () => {
    // Score-5 requests weigh 3: weighted shares scaled to Kish's n = 121²/242 = 60.5;
    // scipy: chi2_contingency([[5, 10, 20, 30, 15], [5.5, 11, 11, 8.25, 24.75]]) -> 15.026533818031172, p 0.004646499449252985
    const gold = counts([5, 10, 20, 30, 15]);
    const traffic = counts([10, 20, 20, 15, 15]);
    const r = judgeScoreShift(gold, traffic, traffic.map((x) => (x === 5 ? 3 : 1)))!;
    expect(r.chi2).toBeCloseTo(15.026533818031172, 9);
    expect(r.p_value).toBeCloseTo(0.004646499449252985, 9);
  });
  it('needs ten scores a side', () => {
    expect(judgeScoreShift([1, 2, 3], counts([5, 5]), counts([5, 5]).map(() => 1))).toBeNull();
  });
});
