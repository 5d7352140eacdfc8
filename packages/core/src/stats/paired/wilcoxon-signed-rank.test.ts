import { describe, expect, it } from 'vitest';
import { averageRanks } from './average-ranks.js';
import { wilcoxonSignedRank, type WilcoxonOptions } from './wilcoxon-signed-rank.js';

// Every expected value below: scipy 1.17.1, stats.wilcoxon(d, **options) -> (statistic, pvalue).
const A = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]; // the example of scipy's wilcoxon docstring
// numpy 2.4.6: np.round(default_rng(7).normal(-0.2, 1, 80), 1) with entries 3, 10, 20 set to 0 (entries 24 and 60 round to 0 too)
const B = [-0.2, 0.1, -0.5, 0, -0.7, -1.2, -0.1, 1.1, -0.7, -0.8, 0, 0.2, -0.1, -1.1, -0.2, 0.5, -1.5, -0.7, -2.1, -1.5, 0, -0.4, -1.5, 0.1, -0, -0.4, -2.7, -0.7, -0.2, -0.1, -1.7, -0.7, -1.2, -1.0, 0.9, -1.0, -0.2, 0.7, -0.8, -0.3, -0.1, -0.1, -1.4, -0.1, 1.2, -1.7, 0.7, -0.1, -0.8, 1.8, 0.6, -1.4, -0.1, 0.4, -0.4, 0.5, -0.3, 0.5, 1.2, -0.9, 0, -0.7, -0.1, -1.4, -0.8, -0.4, 0.7, 0.9, -1.5, -1.0, 0.4, -2.2, -0.7, -0.3, 1.1, 0.5, -0.5, -0.6, -0.5, 1.3];
const C = [1.5, -0.5, 2, 2, -1, 0, 3, 0.5, -0.5, 1];
const D = [1, 2, 2, -1, 3, 3, 3, -2, 4, 1, 1, -3, 2, 5, 1, 2, -1, 0, 2, 3];
const E = [1, 2, 2, -1, 3, 4, 5, -6, 7, 8];

const cases: [string, readonly number[], WilcoxonOptions, number, number, string][] = [
  ['A exact', A, {}, 24, 0.041259765625, 'exact'],
  ['A exact greater', A, { alternative: 'greater' }, 96, 0.0206298828125, 'exact'],
  ['A exact less', A, { alternative: 'less' }, 96, 0.982330322265625, 'exact'],
  ['A asymptotic', A, { method: 'asymptotic' }, 24, 0.04088813291185591, 'asymptotic'],
  ['A asymptotic corrected', A, { method: 'asymptotic', correction: true }, 24, 0.043772323763041174, 'asymptotic'],
  ['B wilcox', B, { zeroMethod: 'wilcox' }, 804, 0.0010294133895652003, 'asymptotic'],
  ['B wilcox less', B, { zeroMethod: 'wilcox', alternative: 'less' }, 804, 0.0005147066947826001, 'asymptotic'],
  ['B wilcox greater', B, { zeroMethod: 'wilcox', alternative: 'greater' }, 804, 0.9994852933052174, 'asymptotic'],
  ['B pratt', B, { zeroMethod: 'pratt' }, 909, 0.0007317861376526136, 'asymptotic'],
  ['B pratt less', B, { zeroMethod: 'pratt', alternative: 'less' }, 909, 0.0003658930688263068, 'asymptotic'],
  ['B zsplit', B, { zeroMethod: 'zsplit' }, 916.5, 0.000732951801122674, 'asymptotic'],
  ['B zsplit greater', B, { zeroMethod: 'zsplit', alternative: 'greater' }, 916.5, 0.9996335240994386, 'asymptotic'],
  ['B corrected', B, { correction: true }, 804, 0.0010391043467867613, 'asymptotic'],
  ['B corrected less', B, { correction: true, alternative: 'less' }, 804, 0.0005195521733933807, 'asymptotic'],
  ['C sign flips', C, {}, 8.5, 0.109375, 'permutation'],
  ['C sign flips less', C, { alternative: 'less' }, 36.5, 0.95703125, 'permutation'],
  ['C sign flips greater', C, { alternative: 'greater' }, 36.5, 0.0546875, 'permutation'],
  ['C pratt', C, { zeroMethod: 'pratt' }, 11.5, 0.140625, 'permutation'],
  ['C zsplit greater', C, { zeroMethod: 'zsplit', alternative: 'greater' }, 43, 0.0703125, 'permutation'],
  ['D ties, n = 20', D, {}, 31.5, 0.009909273608195917, 'asymptotic'],
  ['D ties less', D, { alternative: 'less' }, 158.5, 0.9950453631959021, 'asymptotic'],
  ['E exact with ties', E, { method: 'exact' }, 9.5, 0.083984375, 'exact'],
  ['E exact with ties, less', E, { method: 'exact', alternative: 'less' }, 45.5, 0.9755859375, 'exact'],
];

describe('wilcoxonSignedRank', () => {
  it.each(cases)('%s matches scipy.stats.wilcoxon', (_name, d, options, statistic, pvalue, method) => {
    const r = wilcoxonSignedRank(d, options);
    expect(r.statistic).toBe(statistic);
    expect(r.pvalue).toBeCloseTo(pvalue, 12);
    expect(r.method).toBe(method);
  });
  it('returns p = 1 when every difference is zero under wilcox (scipy: NaN), scipy\'s value under pratt, and rejects bad input', () => {
    expect(wilcoxonSignedRank([0, 0, 0]).pvalue).toBe(1);
    // scipy 1.17.1: wilcoxon([0]*20, zero_method='pratt') -> pvalue nan; wilcoxon([0]*4, zero_method='pratt') -> 1.0
    expect(wilcoxonSignedRank(new Array<number>(20).fill(0), { zeroMethod: 'pratt' }).pvalue).toBeNaN();
    expect(wilcoxonSignedRank([0, 0, 0, 0], { zeroMethod: 'pratt' }).pvalue).toBe(1);
    expect(() => wilcoxonSignedRank([])).toThrow(RangeError);
    expect(() => wilcoxonSignedRank([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('averageRanks', () => {
  it('matches scipy.stats.rankdata(method="average")', () => {
    // scipy 1.17.1: rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5]) -> [4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]
    expect(averageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5]).ranks).toEqual([4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]);
  });
});
