import { describe, expect, it } from 'vitest';
import { correctedPassRate } from './corrected-pass-rate.js';

const repeat = (v: number, n: number): number[] => new Array<number>(n).fill(v);

describe('correctedPassRate (Rogan–Gladen, judgy)', () => {
  it("reproduces judgy's README quick start", () => {
    // judgy README: estimate_success_rate([1,1,0,0,1,0,1,0], [1,0,0,1,1,0,1,0], [1,1,0,1,0,1,0,1]);
    // run with judgy @ e6cd4fe: theta_hat = 0.75 (TPR = TNR = 0.75, p_obs = 0.625), interval (0.0, 1.0)
    const r = correctedPassRate({ labels: [1, 1, 0, 0, 1, 0, 1, 0], predictions: [1, 0, 0, 1, 1, 0, 1, 0], unlabeledPredictions: [1, 1, 0, 1, 0, 1, 0, 1], resampleUnlabeled: false });
    expect(r.estimate).toBeCloseTo(0.75, 14);
    expect(r.diagnostics.tpr).toBe(0.75);
    expect(r.diagnostics.tnr).toBe(0.75);
    expect(r.ci).toEqual([0, 1]);
  });

  it('reproduces the 46-item worked example (TPR 1, TNR 0.75, 77.3% observed → 69.7%)', () => {
    // 34 passing items all judged pass, 12 failing items of which 9 judged fail; 1855 of 2400 unlabeled judged pass.
    // judgy @ e6cd4fe, np.random.seed(s) for s in 0..39: theta_hat = 0.6972222222222223,
    // upper always 0.7729166666666667, lower between 0.5079861 and 0.5458333 (median 0.5458333).
    const r = correctedPassRate({
      labels: [...repeat(1, 34), ...repeat(0, 12)],
      predictions: [...repeat(1, 34), ...repeat(0, 9), ...repeat(1, 3)],
      unlabeledPredictions: [...repeat(1, 1855), ...repeat(0, 545)],
      resampleUnlabeled: false,
      seed: 2,
    });
    expect(r.estimate).toBeCloseTo(0.6972222222222223, 14);
    expect(r.ci[1]).toBeCloseTo(0.7729166666666667, 14);
    expect(r.ci[0]).toBeGreaterThanOrEqual(0.5079);
    expect(r.ci[0]).toBeLessThanOrEqual(0.5459);
  });

  it("matches judgy on its test_large_sample_stability data", () => {
    // judgy tests/test_core.py::test_large_sample_stability (np.random.seed(42)) gives cells TP 158, FN 42,
    // TN 170, FP 30 and 603 of 1000 unlabeled judged pass; judgy over seeds 0..19: theta_hat 0.7078125,
    // lower in [0.64455, 0.64650], upper in [0.77771, 0.78163].
    const labels = [...repeat(1, 200), ...repeat(0, 200)];
    const predictions = [...repeat(1, 158), ...repeat(0, 42), ...repeat(0, 170), ...repeat(1, 30)];
    const unlabeledPredictions = [...repeat(1, 603), ...repeat(0, 397)];
    const r = correctedPassRate({ labels, predictions, unlabeledPredictions, resampleUnlabeled: false, seed: 1 });
    expect(r.estimate).toBeCloseTo(0.7078125, 14);
    expect(r.ci[0]).toBeGreaterThan(0.642);
    expect(r.ci[0]).toBeLessThan(0.649);
    expect(r.ci[1]).toBeGreaterThan(0.775);
    expect(r.ci[1]).toBeLessThan(0.785);
    // Resampling the unlabeled set as well can only widen the interval.
    const wide = correctedPassRate({ labels, predictions, unlabeledPredictions, seed: 1 });
    expect(wide.ci[1] - wide.ci[0]).toBeGreaterThan(r.ci[1] - r.ci[0]);
  });

  it('weights the unlabeled verdicts: the weighted share, resampled at Kish\'s effective size', () => {
    // 46-item calibration above (TPR 1, TNR 0.75); two unlabeled verdicts, pass weighing 3 and fail 1:
    // observed 0.75, θ = (0.75 + 0.75 − 1)/0.75 = 2/3.
    const r = correctedPassRate({ labels: [...repeat(1, 34), ...repeat(0, 12)], predictions: [...repeat(1, 34), ...repeat(0, 9), ...repeat(1, 3)], unlabeledPredictions: [1, 0], unlabeledWeights: [3, 1], resamples: 200 });
    expect(r.diagnostics.observed_pass_rate).toBeCloseTo(0.75, 15);
    expect(r.estimate).toBeCloseTo(2 / 3, 14);
    expect(() => correctedPassRate({ labels: [1, 0], predictions: [1, 0], unlabeledPredictions: [1], unlabeledWeights: [0] })).toThrow(/unlabeledWeights/);
  });

  it('refuses what judgy refuses', () => {
    // judgy test_poor_judge_accuracy and test_no_positive_or_negative_examples
    expect(() => correctedPassRate({ labels: [1, 1, 1, 1, 0, 0, 0, 0], predictions: [0, 0, 0, 0, 1, 1, 1, 1], unlabeledPredictions: [1, 0, 1, 0] })).toThrow(/no better than chance/);
    expect(() => correctedPassRate({ labels: [1, 1, 1], predictions: [1, 0, 1], unlabeledPredictions: [1, 0, 1] })).toThrow(/both passing and failing/);
    expect(() => correctedPassRate({ labels: [1, 0], predictions: [1, 0, 1], unlabeledPredictions: [1] })).toThrow(RangeError);
    expect(() => correctedPassRate({ labels: [1, 2], predictions: [1, 0], unlabeledPredictions: [1] })).toThrow(/labels\[1\]/);
    expect(() => correctedPassRate({ labels: [1, 0], predictions: [1, 0], unlabeledPredictions: [] })).toThrow(RangeError);
  });
});
