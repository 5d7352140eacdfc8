import { extraLabelsNeeded } from '../stats/extra-labels-needed.js';
import { agreementStats } from './agreement-stats.js';
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
 * The statistics of one band: agreement, exact agreement, bias and MAE with their intervals
 * (agreement-stats.ts), pass/fail rates, the verdict against the target, and the labels still needed.
 */
export function bandSummary(label: string, range: [number, number], m: PairMetrics, indices: readonly number[], ctx: BandContext): BandSummary {
  const a = agreementStats(m, indices, ctx);
  const { tpr, tnr, precision } = passFailRates(m, indices, ctx.confidence);
  const verdict = verdictFor(a.agreementCi, ctx.target);
  return {
    band: label,
    range,
    n: a.n,
    agreement: a.agreement,
    ci: a.agreementCi,
    ...a.fields,
    tpr,
    tnr,
    precision,
    verdict,
    extra_labels_needed: verdict === 'insufficient' ? extraLabelsNeeded(a.within, a.n, ctx.target, ctx.confidence) : 0,
  };
}
