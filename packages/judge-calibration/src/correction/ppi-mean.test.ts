import { describe, expect, it } from 'vitest';
import { ppiMean } from './ppi-mean.js';

// Reference values: ppi_py @ bd90caa (aangelopoulos/ppi_py), ppi_mean_ci / ppi_mean_pointestimate /
// _calc_lam_glm, run with numpy 1.x and scipy 1.17.1.
const y = [1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1];
const yhat = [1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 0, 1];
const u = [1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1];

describe('ppiMean', () => {
  it('PPI++ (tuned λ) on pass/fail matches ppi_py at its default alpha 0.1', () => {
    // _calc_lam_glm(...) -> 0.39141414141414144; ppi_mean_pointestimate -> 0.6797138047138047
    // ppi_mean_ci(Y, Yhat, Yhat_unlabeled) -> (0.48576199295149514, 0.8736656164761143)
    const r = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u });
    expect(r.diagnostics.alpha).toBe(0.1);
    expect(r.diagnostics.method).toBe('ppi++');
    expect(r.diagnostics.lambda).toBeCloseTo(0.39141414141414144, 14);
    expect(r.estimate).toBeCloseTo(0.6797138047138047, 14);
    expect(r.ci[0]).toBeCloseTo(0.48576199295149514, 13);
    expect(r.ci[1]).toBeCloseTo(0.8736656164761143, 13);
    // alpha = 0.05: ppi_mean_ci(..., alpha=0.05) -> (0.44860596656837803, 0.9108216428592314)
    const r95 = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u, alpha: 0.05 });
    expect(r95.ci[0]).toBeCloseTo(0.44860596656837803, 13);
    expect(r95.ci[1]).toBeCloseTo(0.9108216428592314, 13);
  });

  it('PPI (λ = 1), classical (λ = 0) and a fixed λ match ppi_py', () => {
    // lam=1 -> (0.44312415706027614, 0.9568758429397237), estimate 0.7
    const ppi = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u, lambda: 1 });
    expect(ppi.diagnostics.method).toBe('ppi');
    expect(ppi.estimate).toBeCloseTo(0.7, 14);
    expect(ppi.ci[0]).toBeCloseTo(0.44312415706027614, 13);
    expect(ppi.ci[1]).toBeCloseTo(0.9568758429397237, 13);
    // lam=0 -> (0.44283043957792556, 0.8905028937554077), estimate 2/3
    const classical = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u, lambda: 0 });
    expect(classical.estimate).toBeCloseTo(2 / 3, 14);
    expect(classical.ci[0]).toBeCloseTo(0.44283043957792556, 13);
    expect(classical.ci[1]).toBeCloseTo(0.8905028937554077, 13);
    // lam=0.5 -> (0.4873327927337549, 0.8793338739329117), estimate 0.6833333333333333
    const half = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u, lambda: 0.5 });
    expect(half.estimate).toBeCloseTo(0.6833333333333333, 14);
    expect(half.ci[0]).toBeCloseTo(0.4873327927337549, 13);
    expect(half.ci[1]).toBeCloseTo(0.8793338739329117, 13);
  });

  it('estimates a mean score as well as a pass rate', () => {
    const yc = [3.1, 4.0, 2.2, 5.0, 3.3, 4.8, 1.9, 2.6, 3.9, 4.4];
    const yhc = [3.0, 3.5, 2.9, 4.6, 3.0, 4.9, 2.5, 2.2, 4.1, 4.0];
    const uc = [3.3, 4.1, 2.0, 2.8, 3.6, 4.4, 3.9, 1.8, 2.7, 3.1, 4.6, 3.2, 3.8, 2.4, 4.2];
    // _calc_lam_glm -> 0.645093217686771; ppi_mean_ci -> (3.0577881332193586, 3.7972851443771), estimate 3.4275366387982293
    const r = ppiMean({ labeled: { y: yc, yhat: yhc }, unlabeledYhat: uc });
    expect(r.diagnostics.lambda).toBeCloseTo(0.645093217686771, 13);
    expect(r.estimate).toBeCloseTo(3.4275366387982293, 13);
    expect(r.ci[0]).toBeCloseTo(3.0577881332193586, 12);
    expect(r.ci[1]).toBeCloseTo(3.7972851443771, 12);
    // lam=1 -> (2.9622044101063834, 3.7911289232269505), estimate 3.376666666666667
    const p = ppiMean({ labeled: { y: yc, yhat: yhc }, unlabeledYhat: uc, lambda: 1 });
    expect(p.ci[0]).toBeCloseTo(2.9622044101063834, 12);
    expect(p.ci[1]).toBeCloseTo(3.7911289232269505, 12);
  });

  it('weights the unlabeled items: equal weights change nothing; unequal ones use the weighted mean and Kish\'s n', () => {
    const same = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u, unlabeledWeights: u.map(() => 2.5) });
    const plain = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u });
    expect(same.estimate).toBeCloseTo(plain.estimate, 14);
    expect(same.ci[0]).toBeCloseTo(plain.ci[0], 14);
    // numpy, the documented formula with λ = 1 and weights 1, 2, 1, 2 …: θ = Σwŷᵘ/Σw + mean(y − ŷ) = 0.6666666666666666,
    // se² = Σw(ŷᵘ − m)²/Σw / n_eff + var(y − ŷ)/n with n_eff = 18; 95% CI (0.3492095636254896, 0.9841237697078437)
    const w = ppiMean({ labeled: { y, yhat }, unlabeledYhat: u, unlabeledWeights: u.map((_, i) => (i % 2 === 0 ? 1 : 2)), lambda: 1, alpha: 0.05 });
    expect(w.estimate).toBeCloseTo(0.6666666666666666, 14);
    expect(w.ci[0]).toBeCloseTo(0.3492095636254896, 12);
    expect(w.ci[1]).toBeCloseTo(0.9841237697078437, 12);
    expect(() => ppiMean({ labeled: { y, yhat }, unlabeledYhat: u, unlabeledWeights: [1] })).toThrow(RangeError);
  });

  it('rejects bad input', () => {
    expect(() => ppiMean({ labeled: { y: [1], yhat: [] }, unlabeledYhat: [1] })).toThrow(RangeError);
    expect(() => ppiMean({ labeled: { y: [1], yhat: [1] }, unlabeledYhat: [] })).toThrow(RangeError);
    expect(() => ppiMean({ labeled: { y: [1], yhat: [1] }, unlabeledYhat: [1], alpha: 1 })).toThrow(RangeError);
    expect(() => ppiMean({ labeled: { y: [1], yhat: [1] }, unlabeledYhat: [1], lambda: -1 })).toThrow(RangeError);
    expect(() => ppiMean({ labeled: { y: [Number.NaN], yhat: [1] }, unlabeledYhat: [1] })).toThrow(/y\[0\]/);
  });
});
