import { createRng } from '@touchstone/core/stats';
import { quantileSorted } from 'simple-statistics';
import { binomialSample as sampleBinomial } from '@touchstone/core/stats';
import { sampleMultinomial } from '../stats/multinomial-sample.js';

export interface CorrectedPassRateInput {
  /** Human pass (1/true) or fail (0/false) on the labeled calibration items. */
  readonly labels: readonly (number | boolean)[];
  /** The judge's pass/fail on the same items, in the same order. */
  readonly predictions: readonly (number | boolean)[];
  /** The judge's pass/fail on the unlabeled items whose true pass rate is wanted. */
  readonly unlabeledPredictions: readonly (number | boolean)[];
  /**
   * Weights of the unlabeled items (requests each stands for; default 1): the observed pass rate is
   * the weighted share and the unlabeled side is resampled at Kish's effective size (Σw)²/Σw².
   */
  readonly unlabeledWeights?: readonly number[];
  /** Two-sided confidence level; default 0.95 (judgy's default). */
  readonly confidence?: number;
  /** Bootstrap resamples; default 20000 (judgy's default). */
  readonly resamples?: number;
  readonly seed?: number;
  /**
   * Also resample the unlabeled predictions (default true). judgy holds the observed pass rate
   * fixed, which understates the interval when the unlabeled set is small; false reproduces judgy.
   */
  readonly resampleUnlabeled?: boolean;
}

export interface CorrectedPassRate {
  /** Rogan–Gladen estimate of the true pass rate, clipped to [0, 1]. */
  readonly estimate: number;
  /** Percentile bootstrap interval. */
  readonly ci: [number, number];
  readonly diagnostics: {
    readonly method: 'rogan-gladen';
    readonly tpr: number;
    readonly tnr: number;
    readonly observed_pass_rate: number;
    /** Before clipping to [0, 1]; outside it means the judge's error rates and the traffic disagree. */
    readonly unclipped_estimate: number;
    readonly n_labeled: number;
    readonly n_positive: number;
    readonly n_negative: number;
    readonly n_unlabeled: number;
    readonly resamples: number;
    /** Resamples kept: judgy drops those without both classes or with TPR + TNR ≤ 1. */
    readonly resamples_used: number;
    readonly resample_unlabeled: boolean;
    readonly confidence: number;
  };
}

/**
 * The true pass rate behind an imperfect judge's verdicts on unlabeled items, by the Rogan–Gladen
 * correction (Rogan & Gladen 1978, Am J Epidemiol 107:71–76): θ̂ = (p_obs + TNR − 1)/(TPR + TNR − 1),
 * TPR and TNR measured on the labeled calibration items, clipped to [0, 1]; with a percentile
 * bootstrap interval over the calibration items, as the `judgy` package (ai-evals-course/judgy,
 * `estimate_success_rate`) computes it. Each resample of the n labeled items is drawn as multinomial
 * counts of its four (label, prediction) cells — the same distribution, in O(1).
 * @throws RangeError when inputs are empty, differ in length, are not 0/1, the labels lack a class,
 *   or TPR + TNR ≤ 1 (a judge no better than chance cannot be corrected)
 * @example correctedPassRate({ labels: [1,1,0,0,1,0,1,0], predictions: [1,0,0,1,1,0,1,0], unlabeledPredictions: [1,1,0,1,0,1,0,1] }).estimate // 0.75
 */
export function correctedPassRate(input: CorrectedPassRateInput): CorrectedPassRate {
  const confidence = input.confidence ?? 0.95;
  const resamples = input.resamples ?? 20000;
  const resampleUnlabeled = input.resampleUnlabeled ?? true;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`correctedPassRate: confidence must be in (0, 1), got ${confidence}`);
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`correctedPassRate: resamples must be a positive integer, got ${resamples}`);
  const labels = binary(input.labels, 'labels');
  const predictions = binary(input.predictions, 'predictions');
  const unlabeled = binary(input.unlabeledPredictions, 'unlabeledPredictions');
  if (labels.length !== predictions.length) throw new RangeError(`correctedPassRate: ${labels.length} labels but ${predictions.length} predictions`);
  if (labels.length === 0) throw new RangeError('correctedPassRate: no labeled items');
  if (unlabeled.length === 0) throw new RangeError('correctedPassRate: no unlabeled predictions');
  // cells: TP, FN, TN, FP
  const cells = [0, 0, 0, 0];
  for (let i = 0; i < labels.length; i++) {
    const cell = labels[i] === 1 ? (predictions[i] === 1 ? 0 : 1) : predictions[i] === 0 ? 2 : 3;
    cells[cell] = (cells[cell] as number) + 1;
  }
  const [tp, fn, tn, fp] = cells as [number, number, number, number];
  if (tp + fn === 0 || tn + fp === 0) throw new RangeError('correctedPassRate: the labels need both passing and failing items to measure TPR and TNR');
  const tpr = tp / (tp + fn);
  const tnr = tn / (tn + fp);
  if (tpr + tnr - 1 <= 0) {
    throw new RangeError(`correctedPassRate: TPR + TNR = ${(tpr + tnr).toFixed(3)} ≤ 1: the judge is no better than chance, so its verdicts cannot be corrected`);
  }
  const weights = input.unlabeledWeights;
  if (weights !== undefined && (weights.length !== unlabeled.length || weights.some((w) => !(w > 0) || !Number.isFinite(w)))) {
    throw new RangeError(`correctedPassRate: unlabeledWeights must be ${unlabeled.length} positive finite numbers`);
  }
  const nUnlabeled = unlabeled.length;
  let observed = unlabeled.reduce<number>((s, v) => s + v, 0) / nUnlabeled;
  let nResample = nUnlabeled;
  if (weights !== undefined) {
    const w = weights.reduce((a, b) => a + b, 0);
    observed = unlabeled.reduce<number>((s, v, i) => s + v * (weights[i] as number), 0) / w;
    nResample = Math.max(1, Math.round((w * w) / weights.reduce((a, b) => a + b * b, 0)));
  }
  const unclipped = (observed + tnr - 1) / (tpr + tnr - 1);
  const rng = createRng(input.seed ?? 1);
  const draw = new Float64Array(4);
  const kept: number[] = [];
  for (let b = 0; b < resamples; b++) {
    sampleMultinomial(labels.length, cells, rng, draw);
    const btp = draw[0] as number;
    const bfn = draw[1] as number;
    const btn = draw[2] as number;
    const bfp = draw[3] as number;
    if (btp + bfn === 0 || btn + bfp === 0) continue;
    const bTpr = btp / (btp + bfn);
    const bTnr = btn / (btn + bfp);
    const denom = bTpr + bTnr - 1;
    if (denom <= 0) continue;
    const pObs = resampleUnlabeled ? sampleBinomial(nResample, observed, rng) / nResample : observed;
    kept.push(clip01((pObs + bTnr - 1) / denom));
  }
  if (kept.length === 0) throw new RangeError('correctedPassRate: no bootstrap resample had both classes and TPR + TNR > 1; label more items');
  kept.sort((a, b) => a - b);
  const alpha = 1 - confidence;
  return {
    estimate: clip01(unclipped),
    ci: [quantileSorted(kept, alpha / 2), quantileSorted(kept, 1 - alpha / 2)],
    diagnostics: {
      method: 'rogan-gladen',
      tpr,
      tnr,
      observed_pass_rate: observed,
      unclipped_estimate: unclipped,
      n_labeled: labels.length,
      n_positive: tp + fn,
      n_negative: tn + fp,
      n_unlabeled: nUnlabeled,
      resamples,
      resamples_used: kept.length,
      resample_unlabeled: resampleUnlabeled,
      confidence,
    },
  };
}

function binary(values: readonly (number | boolean)[], name: string): (0 | 1)[] {
  return values.map((v, i) => {
    if (v === true || v === 1) return 1;
    if (v === false || v === 0) return 0;
    throw new RangeError(`correctedPassRate: ${name}[${i}] is ${String(v)}; expected 0/1 or true/false`);
  });
}

function clip01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
