import { confusionMatrix, type KappaWeights } from '@touchstone/core/stats';
import { rankCorrelationInterval } from '../stats/correlation-interval.js';
import { kendallTauB } from '../stats/kendall-tau-b.js';
import { spearman } from '../stats/spearman.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { agreementStats } from './agreement-stats.js';
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
  const k = rules.categories.length;
  const cats = Array.from({ length: k }, (_, i) => i);
  const humanPoints = Array.from(m.humanPoint);
  const judgePoints = Array.from(m.judgePoint);
  // Rows are the human score, columns the judge's; pairs off the scale (−1) are left out, as scikit-learn does.
  const counts = n === 0 ? cats.map(() => cats.map(() => 0)) : confusionMatrix(humanPoints, judgePoints, cats).matrix;
  const weights: KappaWeights[] = ctx.ordered ? ['none', 'linear', 'quadratic'] : ['none'];
  const kappas = kappaEstimates(counts, weights, { resamples: ctx.resamples, confidence: ctx.confidence, seed: ctx.seed + 101 });
  const a = agreementStats(m, all, { ...ctx, seed: ctx.seed + 202 });
  const rho = ctx.numeric && n >= 2 ? spearman(Array.from(m.judge), Array.from(m.human)) : Number.NaN;
  const tau = ctx.numeric && n >= 2 ? kendallTauB(m.judge, m.human) : Number.NaN;
  return {
    n,
    agreement: a.agreement,
    agreement_ci: a.agreementCi,
    ...a.fields,
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
