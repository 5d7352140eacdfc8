import { describe, expect, it } from 'vitest';
import { humanScaleEstimates } from './human-scale-estimates.js';

const stratum = (slice: string | null, share: number, pairs: [number, number, number][], traffic: number[]) => ({
  slice,
  share,
  labels: pairs.flatMap(([h, , n]) => new Array<number>(n).fill(h)),
  predictions: pairs.flatMap(([, j, n]) => new Array<number>(n).fill(j)),
  goldScores: pairs.flatMap(([, j, n]) => new Array<number>(n).fill(j)),
  unlabeledPredictions: traffic,
  unlabeledScores: traffic,
  unlabeledWeights: traffic.map(() => 1),
});
const verdicts = (pass: number, fail: number): number[] => [...new Array<number>(pass).fill(1), ...new Array<number>(fail).fill(0)];

describe('humanScaleEstimates', () => {
  // Slice a: TPR 40/50 = 0.8, TNR 45/50 = 0.9, traffic 60% pass → RG (0.6 + 0.9 − 1)/0.7 = 5/7.
  // Slice b: TPR 1, TNR 0.5 → RG (0.7 + 0.5 − 1)/0.5 = 0.4.
  const a = stratum('a', 0.25, [[1, 1, 40], [1, 0, 10], [0, 0, 45], [0, 1, 5]], verdicts(60, 40));
  const b = stratum('b', 0.75, [[1, 1, 20], [0, 0, 20], [0, 1, 20]], verdicts(70, 30));
  const pooled = stratum(null, 1, [[1, 1, 60], [1, 0, 10], [0, 0, 65], [0, 1, 25]], verdicts(130, 70));

  it('stratifies by slice: Σ share·estimate, each estimator with its assumption, Rogan–Gladen recommended', () => {
    const h = humanScaleEstimates({ judge: 'j', strata: [a, b], pooled, resamples: 500 });
    expect(h.by_slice[0]!.rogan_gladen!.estimate).toBeCloseTo(5 / 7, 12);
    expect(h.by_slice[1]!.rogan_gladen!.estimate).toBeCloseTo(0.4, 12);
    expect(h.stratified).toBe(true);
    expect(h.overall.rogan_gladen!.estimate).toBeCloseTo(0.25 * (5 / 7) + 0.75 * 0.4, 12);
    expect(h.overall.ppi_plus_plus!.estimate).toBeCloseTo(0.25 * h.by_slice[0]!.ppi_plus_plus!.estimate + 0.75 * h.by_slice[1]!.ppi_plus_plus!.estimate, 12);
    expect(h.recommended).toBe('rogan_gladen');
    expect(h.assumptions.rogan_gladen).toMatch(/error rates given the true verdict/);
    expect(h.assumptions.ppi_plus_plus).toMatch(/random sample of the traffic/);
    expect(h.recommendation).toMatch(/^Rogan–Gladen \(stratified by slice\)/);
    const ci = h.overall.rogan_gladen!.ci;
    expect(ci[0]).toBeLessThan(h.overall.rogan_gladen!.estimate);
    expect(ci[1]).toBeGreaterThan(h.overall.rogan_gladen!.estimate);
  });

  it('says per slice why a correction is impossible, and lets PPI++ stand in for that slice', () => {
    const useless = stratum('c', 0.5, [[1, 1, 10], [1, 0, 10], [0, 1, 10], [0, 0, 10]], verdicts(5, 5));
    const h = humanScaleEstimates({ judge: 'j', strata: [{ ...a, share: 0.5 }, useless], pooled, resamples: 300 });
    expect(h.by_slice[1]!.rogan_gladen).toBeNull();
    expect(h.by_slice[1]!.rogan_gladen_error).toMatch(/no better than chance/);
    expect(h.overall.rogan_gladen!.estimate).toBeCloseTo(0.5 * (5 / 7) + 0.5 * h.by_slice[1]!.ppi_plus_plus!.estimate, 12);
    expect(h.notes.join(' ')).toMatch(/slice "c" .* its PPI\+\+ estimate stands in/);
    const empty = humanScaleEstimates({ judge: 'j', strata: [], pooled: { ...pooled, unlabeledPredictions: [], unlabeledScores: [], unlabeledWeights: [] } });
    expect(empty.recommended).toBeNull();
    expect(empty.overall.rogan_gladen_error).toBe('no judge score on traffic');
  });
});
