import { mcnemarExact } from '../stats/paired/mcnemar-exact.js';
import { pairedBootstrapCi } from '../stats/paired/paired-bootstrap.js';
import { tangoCi, tangoPValue } from '../stats/paired/tango-paired-difference.js';
import { wilcoxonSignedRank } from '../stats/paired/wilcoxon-signed-rank.js';
import type { RunMetric } from './eval-run.js';
import type { ItemPair } from './pair-runs.js';

export interface CompareOptions {
  /** The drop tolerated before a regression, in the metric's units (a fraction for pass rates). */
  readonly tolerance: number;
  /** Two-sided confidence level of the interval for the delta. */
  readonly confidence: number;
  readonly bootstrapResamples: number;
  readonly seed: number;
}

export type PairedTest = 'mcnemar-exact' | 'tango-score' | 'wilcoxon-signed-rank';

/** The paired comparison of one group of items (a slice, or all items). */
export interface GroupComparison {
  readonly n: number;
  readonly baseline: number;
  readonly candidate: number;
  /** candidate − baseline: pass-rate difference (fraction) or mean score difference. */
  readonly delta: number;
  readonly ci: readonly [number, number];
  /** One-sided p of H0: delta ≥ −tolerance (small: a regression beyond the tolerance). */
  readonly pRegression: number;
  /** One-sided p of H0: delta ≤ 0 (small: an improvement). */
  readonly pImprovement: number;
  /** Standard deviation of one item's paired difference (pass/fail: √(discordant share), its value under H0). */
  readonly sd: number;
  /** Pass/fail only: items that went fail → pass (wins) and pass → fail (losses). */
  readonly wins: number | null;
  readonly losses: number | null;
  readonly test: PairedTest;
}

/**
 * Pass/fail: exact McNemar (one-sided binomial on the discordant pairs) when the tolerance is 0,
 * Tango's score test against the margin otherwise; the interval is Tango's score interval.
 * Scores: Wilcoxon signed-rank on d + tolerance ('less') and on d ('greater'), with scipy's 'auto'
 * method; the interval is a paired percentile bootstrap of the mean difference.
 */
export function compareGroup(pairs: readonly ItemPair[], metric: RunMetric, options: CompareOptions): GroupComparison {
  const n = pairs.length;
  const baseline = pairs.reduce((s, p) => s + p.x, 0) / n;
  const candidate = pairs.reduce((s, p) => s + p.y, 0) / n;
  if (metric === 'pass') {
    let wins = 0;
    let losses = 0;
    for (const p of pairs) {
      if (p.x === 0 && p.y === 1) wins += 1;
      else if (p.x === 1 && p.y === 0) losses += 1;
    }
    const tol = options.tolerance;
    // Tango's δ is (first only − second only)/n, so a drop of the candidate is δ > 0; margin δ0 = tolerance.
    const pRegression = tol === 0 ? mcnemarExact(losses, wins, 'greater').pvalue : tangoPValue({ n12: losses, n21: wins, n }, tol, 'greater');
    return {
      n, baseline, candidate, delta: (wins - losses) / n,
      ci: tangoCi({ n12: wins, n21: losses, n }, options.confidence),
      pRegression,
      pImprovement: mcnemarExact(wins, losses, 'greater').pvalue,
      sd: Math.sqrt((wins + losses) / n),
      wins, losses,
      test: tol === 0 ? 'mcnemar-exact' : 'tango-score',
    };
  }
  const d = pairs.map((p) => tidy(p.y - p.x));
  const mean = d.reduce((s, v) => s + v, 0) / n;
  const sd = n > 1 ? Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  return {
    n, baseline, candidate, delta: mean,
    ci: pairedBootstrapCi(d, { confidence: options.confidence, resamples: options.bootstrapResamples, seed: options.seed }),
    pRegression: wilcoxonSignedRank(d.map((v) => tidy(v + options.tolerance)), { alternative: 'less' }).pvalue,
    pImprovement: wilcoxonSignedRank(d, { alternative: 'greater' }).pvalue,
    sd,
    wins: null, losses: null,
    test: 'wilcoxon-signed-rank',
  };
}

/**
 * Rounds a difference to 12 significant digits: 0.7 − 0.6 and 0.4 − 0.3 differ in the last bit,
 * which would break ties and zeros the signed-rank test depends on.
 */
function tidy(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(12));
}
