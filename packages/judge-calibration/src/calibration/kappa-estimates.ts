import { createRng, kappaFromConfusion, type KappaWeights } from '@touchstone/core/stats';
import { bcaInterval, jackknifeAcceleration } from '../stats/bca-interval.js';
import { sampleMultinomial } from '../stats/multinomial-sample.js';

export interface KappaEstimate {
  value: number;
  ci: [number, number] | null;
}

/**
 * Cohen's kappa (core's `kappaFromConfusion`, scikit-learn semantics) for each weighting, with BCa
 * bootstrap intervals. Resampling items with replacement is drawing the confusion matrix from a
 * multinomial over its cells, which is how the resamples are drawn; the jackknife needs one
 * leave-one-out value per non-empty cell, weighted by its count. Resamples where kappa is
 * undefined (one category only) are dropped. Null where kappa itself is undefined.
 */
export function kappaEstimates(
  counts: readonly (readonly number[])[],
  weights: readonly KappaWeights[],
  options: { resamples: number; confidence: number; seed: number },
): (KappaEstimate | null)[] {
  const k = counts.length;
  const flat = counts.flat();
  const n = flat.reduce((s, v) => s + v, 0);
  const values = weights.map((w) => kappaFromConfusion(counts, w));
  if (n < 2 || values.every((v) => !Number.isFinite(v))) return values.map((v) => (Number.isFinite(v) ? { value: v, ci: null } : null));
  const rng = createRng(options.seed);
  const draw = new Float64Array(flat.length);
  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const replicates = weights.map(() => [] as number[]);
  for (let b = 0; b < options.resamples; b++) {
    sampleMultinomial(n, flat, rng, draw);
    for (let c = 0; c < flat.length; c++) (matrix[Math.floor(c / k)] as number[])[c % k] = draw[c] as number;
    weights.forEach((w, i) => {
      const v = kappaFromConfusion(matrix, w);
      if (Number.isFinite(v)) (replicates[i] as number[]).push(v);
    });
  }
  return weights.map((w, i) => {
    const value = values[i] as number;
    if (!Number.isFinite(value)) return null;
    const reps = replicates[i] as number[];
    if (reps.length === 0) return { value, ci: null };
    const jack: number[] = [];
    const jackWeights: number[] = [];
    for (let c = 0; c < flat.length; c++) {
      const count = flat[c] as number;
      if (count === 0) continue;
      const left = counts.map((row, r) => row.map((v, col) => (r * k + col === c ? v - 1 : v)));
      const v = kappaFromConfusion(left, w);
      if (!Number.isFinite(v)) continue;
      jack.push(v);
      jackWeights.push(count);
    }
    const a = jackknifeAcceleration(jack, jackWeights);
    return { value, ci: bcaInterval(value, Float64Array.from(reps), a, options.confidence).ci };
  });
}
