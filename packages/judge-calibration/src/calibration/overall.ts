import { confusionMatrix, type KappaWeights } from '@touchstone/core/stats';
import { bootstrapMeans } from '../stats/bootstrap-means.js';
import { rankCorrelationInterval } from '../stats/correlation-interval.js';
import { kendallTauB } from '../stats/kendall-tau-b.js';
import { spearman } from '../stats/spearman.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import type { Overall } from './calibration-report.js';
import { kappaEstimates } from './kappa-estimates.js';
import type { PairMetrics } from './pair-metrics.js';
import { passFailRates } from './pass-fail-rates.js';
import type { ScaleRules } from './scale-rules.js';

export interface OverallContext {
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
  /** Bias, MAE and rank correlations need an ordered scale. */
  readonly numeric: boolean;
  /** Weighted kappa needs ordered categories (ordinal, or interval bands). */
  readonly ordered: boolean;
}

/** Agreement over all pairs: rates, bias and MAE, Cohen's and weighted kappa, Spearman and Kendall τ_b, the confusion matrix. */
export function overallSummary(m: PairMetrics, rules: ScaleRules, ctx: OverallContext): Overall {
  const n = m.n;
  const all = Array.from({ length: n }, (_, i) => i);
  const within = m.within.reduce((s, v) => s + v, 0);
  const exact = m.exact.reduce((s, v) => s + v, 0);
  const k = rules.categories.length;
  const cats = Array.from({ length: k }, (_, i) => i);
  const humanPoints = Array.from(m.humanPoint);
  const judgePoints = Array.from(m.judgePoint);
  // Rows are the human score, columns the judge's; pairs off the scale (−1) are left out, as scikit-learn does.
  const counts = n === 0 ? cats.map(() => cats.map(() => 0)) : confusionMatrix(humanPoints, judgePoints, cats).matrix;
  const weights: KappaWeights[] = ctx.ordered ? ['none', 'linear', 'quadratic'] : ['none'];
  const kappas = kappaEstimates(counts, weights, { resamples: ctx.resamples, confidence: ctx.confidence, seed: ctx.seed + 101 });
  let bias: number | null = null;
  let mae: number | null = null;
  let biasCi: [number, number] | null = null;
  let maeCi: [number, number] | null = null;
  if (ctx.numeric && n >= 2) {
    const boot = bootstrapMeans([m.diff, m.absDiff], { resamples: ctx.resamples, confidence: ctx.confidence, seed: ctx.seed + 202 });
    [bias, mae] = boot.estimates as [number, number];
    biasCi = boot.intervals[0]?.ci ?? null;
    maeCi = boot.intervals[1]?.ci ?? null;
  }
  const rho = ctx.numeric && n >= 2 ? spearman(Array.from(m.judge), Array.from(m.human)) : Number.NaN;
  const tau = ctx.numeric && n >= 2 ? kendallTauB(m.judge, m.human) : Number.NaN;
  return {
    n,
    agreement: n === 0 ? null : within / n,
    agreement_ci: n === 0 ? null : wilsonInterval(within, n, ctx.confidence),
    exact_agreement: n === 0 ? null : exact / n,
    exact_ci: n === 0 ? null : wilsonInterval(exact, n, ctx.confidence),
    bias,
    bias_ci: biasCi,
    mae,
    mae_ci: maeCi,
    kappa: kappas[0] ?? null,
    weighted_kappa: ctx.ordered ? { linear: kappas[1] ?? null, quadratic: kappas[2] ?? null } : null,
    spearman: Number.isFinite(rho) ? { value: rho, ci: rankCorrelationInterval('spearman', rho, n, ctx.confidence) } : null,
    kendall_tau_b: Number.isFinite(tau) ? { value: tau, ci: rankCorrelationInterval('kendall', tau, n, ctx.confidence) } : null,
    confusion_matrix: confusion(counts, rules.categories, ctx.confidence),
    pass_fail: passFailRates(m, all, ctx.confidence),
  };
}

function confusion(counts: number[][], categories: string[], confidence: number): Overall['confusion_matrix'] {
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  return {
    categories,
    counts,
    row_share: counts.map((row, i) => row.map((v) => (rowTotals[i] === 0 ? null : v / (rowTotals[i] as number)))),
    row_share_ci: counts.map((row, i) => row.map((v) => (rowTotals[i] === 0 ? null : wilsonInterval(v, rowTotals[i] as number, confidence)))),
  };
}
