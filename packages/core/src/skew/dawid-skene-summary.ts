import { passThreshold } from '../scale/pass-threshold.js';
import { dawidSkene } from '../stats/agreement/dawid-skene.js';
import { passCategories, type SkewData } from './skew-data.js';

export interface DawidSkeneSummary {
  readonly classes: string[];
  readonly priors: number[];
  readonly iterations: number;
  readonly converged: boolean;
  /** Expected gold pass rate under the Dawid–Skene posteriors. */
  readonly pass_rate: number;
  /** Per labeler (SkewData order): P(label = truth) = Σ_k prior_k·π[k][k], and the confusion matrix rows. */
  readonly labelers: { accuracy: number; confusion: number[][] }[];
}

/**
 * Dawid–Skene consensus on a categorical scale (binary, ordinal, nominal); null on an interval scale.
 * Each labeler's estimated confusion matrix (row = latent true class, column = label given) shows
 * their error pattern, e.g. a lenient labeler's mass above the diagonal on a 1–5 scale.
 */
export function dawidSkeneSummary(data: SkewData, maxIterations = 100): DawidSkeneSummary | null {
  const K = data.categoryValues.length;
  if (K < 2) return null;
  const nItems = data.itemStart.length - 1;
  const item = new Int32Array(data.labeler.length);
  for (let i = 0; i < nItems; i++) item.fill(i, data.itemStart[i]!, data.itemStart[i + 1]!);
  const r = dawidSkene({ nItems, nLabelers: data.labelerIds.length, nClasses: K, item, labeler: data.labeler, label: data.category }, { maxIterations, tolerance: 1e-6 });
  const passing = classPasses(data);
  let expectedPass = 0;
  for (let i = 0; i < nItems; i++) for (let k = 0; k < K; k++) if (passing[k]) expectedPass += r.posteriors[i * K + k]!;
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    classes: classNames(data),
    priors: Array.from(r.priors, round),
    iterations: r.iterations,
    converged: r.converged,
    pass_rate: nItems === 0 ? 0 : expectedPass / nItems,
    labelers: data.labelerIds.map((_, j) => {
      const confusion = Array.from({ length: K }, (_, k) => Array.from(r.confusion.subarray((j * K + k) * K, (j * K + k + 1) * K), round));
      let accuracy = 0;
      for (let k = 0; k < K; k++) accuracy += r.priors[k]! * r.confusion[(j * K + k) * K + k]!;
      return { accuracy, confusion };
    }),
  };
}

function classNames(data: SkewData): string[] {
  const scale = data.scale;
  if (scale.kind === 'nominal') return [...scale.categories];
  return Array.from(data.categoryValues, (v) => String(v));
}

function classPasses(data: SkewData): boolean[] {
  const scale = data.scale;
  switch (scale.kind) {
    case 'binary':
      return [false, true];
    case 'ordinal':
      return Array.from(data.categoryValues, (v) => v >= passThreshold(scale));
    case 'nominal':
      return scale.categories.map((c) => passCategories(scale).includes(c));
    case 'interval':
      return [];
  }
}
