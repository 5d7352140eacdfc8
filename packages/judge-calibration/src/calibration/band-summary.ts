import { bootstrapMeans } from '../stats/bootstrap-means.js';
import { extraLabelsNeeded } from '../stats/extra-labels-needed.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import type { BandSummary } from './calibration-report.js';
import type { PairMetrics } from './pair-metrics.js';
import { passFailRates } from './pass-fail-rates.js';
import { verdictFor } from './verdict.js';

export interface BandContext {
  readonly target: number;
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
  /** Bias and MAE are meaningless between nominal categories. */
  readonly numeric: boolean;
}

/**
 * The statistics of one band: agreement within tolerance and exact agreement with Wilson intervals,
 * bias and MAE with BCa bootstrap intervals (one resampling serves both), pass/fail rates, the
 * verdict against the target, and the labels still needed to reach one.
 */
export function bandSummary(label: string, range: [number, number], m: PairMetrics, indices: readonly number[], ctx: BandContext): BandSummary {
  const n = indices.length;
  let within = 0;
  let exact = 0;
  for (const i of indices) {
    within += m.within[i] as number;
    exact += m.exact[i] as number;
  }
  const ci = n === 0 ? null : wilsonInterval(within, n, ctx.confidence);
  const { tpr, tnr, precision } = passFailRates(m, indices, ctx.confidence);
  let bias: number | null = null;
  let mae: number | null = null;
  let biasCi: [number, number] | null = null;
  let maeCi: [number, number] | null = null;
  if (ctx.numeric && n > 0) {
    const d = Float64Array.from(indices, (i) => m.diff[i] as number);
    const a = Float64Array.from(indices, (i) => m.absDiff[i] as number);
    if (n >= 2) {
      const boot = bootstrapMeans([d, a], { resamples: ctx.resamples, confidence: ctx.confidence, seed: ctx.seed });
      bias = boot.estimates[0] as number;
      mae = boot.estimates[1] as number;
      biasCi = boot.intervals[0]?.ci ?? null;
      maeCi = boot.intervals[1]?.ci ?? null;
    } else {
      bias = d[0] as number;
      mae = a[0] as number;
    }
  }
  const verdict = verdictFor(ci, ctx.target);
  return {
    band: label,
    range,
    n,
    agreement: n === 0 ? null : within / n,
    ci,
    exact_agreement: n === 0 ? null : exact / n,
    exact_ci: n === 0 ? null : wilsonInterval(exact, n, ctx.confidence),
    bias,
    bias_ci: biasCi,
    mae,
    mae_ci: maeCi,
    tpr,
    tnr,
    precision,
    verdict,
    extra_labels_needed: verdict === 'insufficient' ? extraLabelsNeeded(within, n, ctx.target, ctx.confidence) : 0,
  };
}
