import { describe, expect, it } from 'vitest';
import { cohenKappa, kappaFromConfusion } from './cohen-kappa.js';
import { confusionMatrix } from './confusion-matrix.js';

// Oracle: scikit-learn 1.9.1, sklearn.metrics.cohen_kappa_score
const a = [0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2];
const b = [0, 2, 2, 1, 1, 0, 2, 1, 0, 0, 1, 2];

describe('cohenKappa', () => {
  it('matches sklearn unweighted, linear and quadratic', () => {
    // cohen_kappa_score(a, b) -> 0.5; weights='linear' -> 0.625; weights='quadratic' -> 0.75
    expect(cohenKappa(a, b)).toBeCloseTo(0.5, 12);
    expect(cohenKappa(a, b, { weights: 'linear' })).toBeCloseTo(0.625, 12);
    expect(cohenKappa(a, b, { weights: 'quadratic' })).toBeCloseTo(0.75, 12);
  });
  it('weights over category index positions, honouring given categories', () => {
    // cohen_kappa_score(a, b, weights='linear', labels=[0,1,2,3]) -> 0.625
    expect(cohenKappa(a, b, { weights: 'linear', categories: [0, 1, 2, 3] })).toBeCloseTo(0.625, 12);
    // cohen_kappa_score(a, b, labels=[0,1]) -> 0.6666666666666667 (pairs with a 2 are dropped)
    expect(cohenKappa(a, b, { categories: [0, 1] })).toBeCloseTo(0.6666666666666667, 12);
  });
  it('handles string categories sorted by code point', () => {
    const s1 = ['neg', 'pos', 'pos', 'neu', 'neg', 'pos', 'neu', 'neu'];
    const s2 = ['neg', 'pos', 'neu', 'neu', 'pos', 'pos', 'neu', 'neg'];
    // cohen_kappa_score(s1, s2) -> 0.4285714285714286; weights='quadratic' -> 0.3846153846153846
    expect(cohenKappa(s1, s2)).toBeCloseTo(0.4285714285714286, 12);
    expect(cohenKappa(s1, s2, { weights: 'quadratic' })).toBeCloseTo(0.3846153846153846, 12);
  });
  it('returns NaN when undefined, as sklearn does (replace_undefined_by=nan)', () => {
    // cohen_kappa_score([1,1,1],[1,1,1]) -> nan
    expect(cohenKappa([1, 1, 1], [1, 1, 1])).toBeNaN();
    expect(cohenKappa([1, 2, 3], [1, 2, 3])).toBe(1);
  });
  it('throws on mismatched, empty or mixed input', () => {
    expect(() => cohenKappa([1, 2], [1])).toThrow(RangeError);
    expect(() => cohenKappa([], [])).toThrow(RangeError);
    expect(() => cohenKappa([1, 'a'], [1, 'a'])).toThrow(RangeError);
  });
});

describe('confusionMatrix', () => {
  it('matches sklearn.metrics.confusion_matrix', () => {
    // confusion_matrix(a, b) -> [[3,0,0],[1,2,1],[0,2,3]]
    expect(confusionMatrix(a, b)).toEqual({ categories: [0, 1, 2], matrix: [[3, 0, 0], [1, 2, 1], [0, 2, 3]] });
    expect(kappaFromConfusion([[3, 0, 0], [1, 2, 1], [0, 2, 3]])).toBeCloseTo(0.5, 12);
  });
  it('drops a pair with a NaN rating instead of making NaN a category', () => {
    const nan = Number.NaN;
    expect(confusionMatrix([0, 1, nan, 1], [0, 1, 1, nan])).toEqual({ categories: [0, 1], matrix: [[1, 0], [0, 1]] });
    expect(cohenKappa([...a, nan], [...b, 2])).toBeCloseTo(cohenKappa(a, b), 12);
  });
});
