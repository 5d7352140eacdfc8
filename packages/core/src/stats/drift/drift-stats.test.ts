import { describe, expect, it } from 'vitest';
import { chiSquareSf } from './chi-square-sf.js';
import { chiSquareHomogeneity } from './chi-square-homogeneity.js';
import { jensenShannonDistance } from './jensen-shannon.js';
import { kolmogorovSf } from './kolmogorov-sf.js';
import { ksTwoSample } from './ks-two-sample.js';
import { psi } from './psi.js';
import { proportionsZTestLarger, twoProportions, wilsonInterval } from './two-proportions.js';
import { wassersteinDistance } from './wasserstein.js';

/** Deterministic samples reproducible in numpy: round(f(i·k)·100)/10 + off, i = 0..n−1. */
function seq(n: number, f: (x: number) => number, k: number, off: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.round(f(i * k) * 100) / 10 + off);
}
const rel = (actual: number, expected: number, tol: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(Math.abs(expected), 1e-300));
};

describe('chiSquareSf', () => {
  it('matches scipy.stats.chi2.sf', () => {
    // scipy 1.17.1: chi2.sf(3.84, 1), chi2.sf(10, 3), chi2.sf(0.5, 7), chi2.sf(250, 99), chi2.sf(1e-3, 2), chi2.sf(60, 4)
    rel(chiSquareSf(3.84, 1), 0.05004352124870519, 1e-12);
    rel(chiSquareSf(10, 3), 0.01856613546304325, 1e-12);
    rel(chiSquareSf(0.5, 7), 0.9994464813904249, 1e-12);
    rel(chiSquareSf(250, 99), 4.844312411385307e-15, 1e-9);
    rel(chiSquareSf(1e-3, 2), 0.9995001249791693, 1e-12);
    rel(chiSquareSf(60, 4), 2.9008631203404573e-12, 1e-9);
  });
  it('rejects df ≤ 0', () => expect(() => chiSquareSf(1, 0)).toThrow(RangeError));
});

describe('chiSquareHomogeneity', () => {
  it('matches scipy.stats.chi2_contingency (df > 1, no correction)', () => {
    // scipy 1.17.1: chi2_contingency([[10,20,30],[20,20,20]]) -> statistic=5.333333333333334, pvalue=0.0694834512228015, dof=2
    const r = chiSquareHomogeneity([[10, 20, 30], [20, 20, 20]]);
    rel(r.statistic, 5.333333333333334, 1e-12);
    rel(r.pValue, 0.0694834512228015, 1e-10);
    expect(r.df).toBe(2);
    // scipy 1.17.1: chi2_contingency([[120,30,50,0],[900,320,600,80]]) -> 17.264110502500603, p=0.0006236235374945507, dof=3
    const s = chiSquareHomogeneity([[120, 30, 50, 0], [900, 320, 600, 80]]);
    rel(s.statistic, 17.264110502500603, 1e-12);
    rel(s.pValue, 0.0006236235374945507, 1e-9);
  });
  it("Cramér's V matches scipy.stats.contingency.association(method='cramer')", () => {
    // scipy 1.17.1: association([[10,20,30],[20,20,20]], method='cramer') -> 0.21081851067789195
    rel(chiSquareHomogeneity([[10, 20, 30], [20, 20, 20]]).cramersV, 0.21081851067789195, 1e-12);
    // association([[12,5,9,30],[3,22,14,6],[8,8,20,11]], method='cramer') -> 0.3776625249573203
    rel(chiSquareHomogeneity([[12, 5, 9, 30], [3, 22, 14, 6], [8, 8, 20, 11]]).cramersV, 0.3776625249573203, 1e-12);
  });
  it('applies the Yates correction at df = 1 like scipy', () => {
    // scipy 1.17.1: chi2_contingency([[12,5],[7,9]]) -> statistic=1.455996378814684, pvalue=0.22756821457580642
    const r = chiSquareHomogeneity([[12, 5], [7, 9]]);
    rel(r.statistic, 1.455996378814684, 1e-12);
    rel(r.pValue, 0.22756821457580642, 1e-10);
  });
  it('drops all-zero categories and returns p = 1 with a single category left', () => {
    expect(chiSquareHomogeneity([[5, 0], [7, 0]]).pValue).toBe(1);
    rel(chiSquareHomogeneity([[10, 0, 20, 30], [20, 0, 20, 20]]).statistic, 5.333333333333334, 1e-12);
  });
});

describe('psi', () => {
  it('follows its definition Σ (a − e) ln(a / e)', () => {
    // shares e = (0.5, 0.5), a = (0.4, 0.6): (0.4−0.5)ln(0.8) + (0.6−0.5)ln(1.2) = 0.02231435513 + 0.01823215568
    rel(psi([50, 50], [40, 60]), -0.1 * Math.log(0.8) + 0.1 * Math.log(1.2), 1e-14);
    rel(psi([50, 50], [40, 60]), 0.04054651081081645, 1e-12);
    expect(psi([1, 2, 3], [2, 4, 6])).toBe(0);
  });
  it('floors empty shares at 1e-4 so a new category gives a large finite value', () => {
    // a new category at 5%: (0.05 − 1e-4)·ln(0.05/1e-4) + 4·(0.2375 − 0.25)·ln(0.95)
    const expected = (0.05 - 1e-4) * Math.log(0.05 / 1e-4) + 4 * (0.2375 - 0.25) * Math.log(0.95);
    rel(psi([25, 25, 25, 25, 0], [23.75, 23.75, 23.75, 23.75, 5]), expected, 1e-12);
  });
  it('is symmetric', () => expect(psi([3, 5, 9], [4, 4, 1])).toBeCloseTo(psi([4, 4, 1], [3, 5, 9]), 14));
});

describe('jensenShannonDistance (base 2)', () => {
  it('matches scipy.spatial.distance.jensenshannon(p, q, base=2)', () => {
    // scipy 1.17.1: jensenshannon([1,0],[0,1],base=2) -> 1.0; ([.5,.3,.2],[.2,.3,.5]) -> 0.3095409536771482
    // ([10,20,30,40],[40,30,20,10]) -> 0.3918681606471551; ([.2375]*4+[.05],[.25]*4+[0]) -> 0.15956958650912192
    rel(jensenShannonDistance([1, 0], [0, 1]), 1, 1e-14);
    rel(jensenShannonDistance([0.5, 0.3, 0.2], [0.2, 0.3, 0.5]), 0.3095409536771482, 1e-12);
    rel(jensenShannonDistance([10, 20, 30, 40], [40, 30, 20, 10]), 0.3918681606471551, 1e-12);
    rel(jensenShannonDistance([0.2375, 0.2375, 0.2375, 0.2375, 0.05], [0.25, 0.25, 0.25, 0.25, 0]), 0.15956958650912192, 1e-12);
  });
});

describe('wassersteinDistance', () => {
  it('matches scipy.stats.wasserstein_distance', () => {
    // scipy 1.17.1: wasserstein_distance([0,1,3],[5,6,8]) -> 5.0; ([0,1,1,2.5,7],[3,3,4,10]) -> 2.7;
    // ([3.4,3.9,7.5,7.8],[4.5,1.4]) -> 2.7 (scipy docs example: 4.0781331438047861 is with weights; unweighted 2.7)
    rel(wassersteinDistance([0, 1, 3], [5, 6, 8]), 5, 1e-14);
    rel(wassersteinDistance([0, 1, 1, 2.5, 7], [3, 3, 4, 10]), 2.7, 1e-13);
    rel(wassersteinDistance([3.4, 3.9, 7.5, 7.8], [4.5, 1.4]), 2.7, 1e-13);
    // scipy 1.17.1 on seq(300, sin, 1.7, 0) vs seq(457, cos, 0.9, 1): 1.0356754194018967
    rel(wassersteinDistance(seq(300, Math.sin, 1.7, 0), seq(457, Math.cos, 0.9, 1)), 1.0356754194018967, 1e-10);
  });
});

describe('ksTwoSample', () => {
  it('matches scipy.stats.ks_2samp exact mode on small samples', () => {
    // scipy 1.17.1: ks_2samp([1,2,3,4,5],[6,7,8,9,10]) -> statistic=1.0, pvalue=0.007936507936507936
    const r = ksTwoSample([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(r.statistic).toBe(1);
    rel(r.pValue, 0.007936507936507936, 1e-12);
    // scipy 1.17.1: ks_2samp([0.1,0.4,0.7,1.3,2.2,2.9,3.1],[0.3,0.5,1.9,2.4,3.3,3.8,4.0,5.1,5.5]) -> 0.5555555555555556, 0.12674825174825174
    const s = ksTwoSample([0.1, 0.4, 0.7, 1.3, 2.2, 2.9, 3.1], [0.3, 0.5, 1.9, 2.4, 3.3, 3.8, 4.0, 5.1, 5.5]);
    rel(s.statistic, 0.5555555555555556, 1e-12);
    rel(s.pValue, 0.12674825174825174, 1e-10);
  });
  it('matches ks_2samp on tied samples of hundreds to thousands (exact mode)', () => {
    // scipy 1.17.1, samples from seq(): (n1, f1, k1, off1, n2, f2, k2, off2) -> statistic, pvalue
    const cases: [number[], number[], number, number][] = [
      [seq(300, Math.sin, 1.7, 0), seq(457, Math.cos, 0.9, 1), 0.1422319474835886, 0.0011451476987578853],
      [seq(200, Math.sin, 1.3, 0), seq(200, Math.sin, 2.9, 0.8), 0.15, 0.0220923622208589],
      [seq(997, Math.sin, 0.7, 0), seq(1000, Math.cos, 0.45, 0.1), 0.03, 0.7421146866976998],
      [seq(5000, Math.sin, 0.37, 0), seq(9973, Math.sin, 0.61, 0.3), 0.0726, 1.0326028168852819e-15],
    ];
    for (const [a, b, d, p] of cases) {
      const r = ksTwoSample(a, b);
      expect(r.method).toBe('exact');
      rel(r.statistic, d, 1e-12);
      // Below ~1e-12 the exact p-value is 1 − (share of paths inside), at the floating-point floor in
      // scipy and here alike: compare absolutely there.
      if (p < 1e-12) expect(r.pValue).toBeLessThan(1e-12);
      else rel(r.pValue, p, 1e-8);
    }
  });
  it('matches ks_2samp asymptotic mode above 10,000 values', () => {
    // scipy 1.17.1 (method auto → asymp, kstwo.sf(d, round(n1 n2/(n1+n2)))):
    const cases: [number[], number[], number, number, number][] = [
      [seq(12000, Math.sin, 0.37, 0), seq(3000, Math.sin, 0.61, 0.5), 0.09575, 1.3304872558393807e-19, 1e-6],
      [seq(12000, Math.sin, 0.37, 0), seq(3000, Math.sin, 0.61, 0.05), 0.03200000000000003, 0.014349276176382424, 1e-6],
      [seq(20000, Math.sin, 0.11, 0), seq(15000, Math.sin, 0.23, 0.2), 0.0552, 3.85488266034776e-23, 1e-6],
    ];
    for (const [a, b, d, p, tol] of cases) {
      const r = ksTwoSample(a, b);
      expect(r.method).toBe('asymp');
      rel(r.statistic, d, 1e-12);
      rel(r.pValue, p, tol);
    }
  });
  it('kolmogorovSf matches scipy.stats.kstwo.sf for n > 140', () => {
    // scipy 1.17.1: kstwo.sf(x, n)
    const cases: [number, number, number, number][] = [
      [3000, 0.02, 0.17889813623188966, 1e-5], [3000, 0.03, 0.008848227794930863, 1e-6],
      [3000, 0.05, 5.874684341454393e-07, 1e-6], [500, 0.04, 0.3902508696049749, 1e-4],
      [500, 0.1, 8.342293067263533e-05, 1e-6], [10000, 0.012, 0.11135257403749388, 1e-5],
      [3000, 0.01, 0.9220855022879386, 1e-4], [10000, 0.005, 0.9628778025204304, 1e-4],
      [200, 0.6, 2.2284451128877564e-69, 1e-6],
    ];
    for (const [n, x, p, tol] of cases) rel(kolmogorovSf(n, x), p, tol);
  });
});

describe('proportions', () => {
  it('wilsonInterval matches statsmodels proportion_confint(method="wilson")', () => {
    // statsmodels 0.15.0: proportion_confint(470, 500, method='wilson') -> (0.9156389368747802, 0.9576516435190539)
    const [l, u] = wilsonInterval(470, 500);
    rel(l, 0.9156389368747802, 1e-10);
    rel(u, 0.9576516435190539, 1e-10);
    // statsmodels 0.15.0: proportion_confint(0, 10, method='wilson') -> (0.0, 0.27753279986288926);
    // proportion_confint(263, 263, method='wilson') -> (0.9856039655993807, 1.0): the bounds are exactly 0 and 1.
    const [l0, u0] = wilsonInterval(0, 10);
    expect(l0).toBe(0);
    rel(u0, 0.27753279986288926, 1e-10);
    const [l1, u1] = wilsonInterval(263, 263);
    rel(l1, 0.9856039655993807, 1e-10);
    expect(u1).toBe(1);
  });
  it('proportionsZTestLarger matches statsmodels proportions_ztest(alternative="larger")', () => {
    // statsmodels 0.15.0: proportions_ztest([70, 50], [1000, 1000], alternative='larger') -> (1.883108942886774, 0.029842802766213112)
    rel(proportionsZTestLarger(70, 1000, 50, 1000), 0.029842802766213112, 1e-10);
    // proportions_ztest([12, 30], [400, 600], alternative='larger') -> (-1.5446433419988934, 0.9387837217941496)
    rel(proportionsZTestLarger(12, 400, 30, 600), 0.9387837217941496, 1e-10);
    expect(proportionsZTestLarger(0, 10, 0, 20)).toBe(1);
  });
  it('twoProportions matches statsmodels newcomb interval and proportions_ztest', () => {
    // statsmodels 0.15.0: confint_proportions_2indep(470,500,425,500,method='newcomb') -> (0.0524128054428619, 0.12827447604600842)
    // proportions_ztest([470,425],[500,500]) -> z=4.64201293816772, p=3.4503125012701626e-06
    const r = twoProportions(470, 500, 425, 500);
    rel(r.diff, 0.09, 1e-12);
    rel(r.ci[0], 0.0524128054428619, 1e-9);
    rel(r.ci[1], 0.12827447604600842, 1e-9);
    rel(r.pValue, 3.4503125012701626e-06, 1e-6);
  });
});
