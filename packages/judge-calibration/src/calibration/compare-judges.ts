import { benjaminiHochberg, mcnemarExact, tangoCi } from '@touchstone/core/stats';
import { calibrate } from './calibrate.js';
import type { CalibrateOptions } from './calibrate-options.js';
import type { CalibrationPair } from './calibration-pair.js';
import type { BandSummary, CalibrationReport } from './calibration-report.js';
import type { JudgeComparison, PairedChange } from './comparison-report.js';
import { pairMetrics } from './pair-metrics.js';
import { bandOf, scaleRules } from './scale-rules.js';
import { verdictFor } from './verdict.js';

export interface CompareOptions extends CalibrateOptions {
  readonly judgeA: string;
  readonly judgeB: string;
  /** Significance level of the paired tests; default 0.05. */
  readonly alpha?: number;
}

/**
 * Evaluates a judge upgrade: judges A and B calibrated on the pairs both scored (matched by item and,
 * with pairs: 'all', labeler), and the change in agreement tested pairwise — exact McNemar on the
 * agreement indicators (McNemar 1947), a Tango score interval for the difference, Benjamini–Hochberg
 * across bands. By-human bands hold the same pairs for both judges, so their changes are paired;
 * by-judge bands differ per judge and are shown side by side only.
 */
export function compareJudges(pairsA: readonly CalibrationPair[], pairsB: readonly CalibrationPair[], options: CompareOptions): JudgeComparison {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`compareJudges: alpha must be in (0, 1), got ${alpha}`);
  const key = (p: CalibrationPair): string => `${p.item_id}\u0000${p.labeler_id ?? ''}`;
  const byKey = new Map(pairsB.map((p) => [key(p), p]));
  const commonA: CalibrationPair[] = [];
  const commonB: CalibrationPair[] = [];
  for (const a of pairsA) {
    const b = byKey.get(key(a));
    if (b === undefined) continue;
    commonA.push(a);
    // The human side is the gold set's and must be the same for both judges.
    commonB.push({ ...b, human: a.human, ...(a.human_pass === undefined ? {} : { human_pass: a.human_pass }) });
  }
  const { judgeA, judgeB, alpha: _alpha, ...calibrateOptions } = options;
  const a = calibrate(commonA, { ...calibrateOptions, judge: judgeA });
  const b = calibrate(commonB, { ...calibrateOptions, judge: judgeB });
  const rules = scaleRules(a.scale, a.edges);
  const ma = pairMetrics(commonA, rules, a.tolerance);
  const mb = pairMetrics(commonB, rules, a.tolerance);
  const change = (band: string, members: number[], verdictA: BandSummary['verdict'], verdictB: BandSummary['verdict']): PairedChange => {
    let inA = 0;
    let inB = 0;
    let aOnly = 0;
    let bOnly = 0;
    for (const i of members) {
      const x = ma.within[i] === 1;
      const y = mb.within[i] === 1;
      if (x) inA += 1;
      if (y) inB += 1;
      if (x && !y) aOnly += 1;
      if (y && !x) bOnly += 1;
    }
    const n = members.length;
    const p = n === 0 ? null : mcnemarExact(bOnly, aOnly).pvalue;
    return {
      band,
      n,
      agreement_a: n === 0 ? null : inA / n,
      agreement_b: n === 0 ? null : inB / n,
      change: n === 0 ? null : (inB - inA) / n,
      change_ci: n === 0 ? null : tangoCi({ n12: bOnly, n21: aOnly, n }, a.confidence),
      a_only: aOnly,
      b_only: bOnly,
      p_value: p,
      q_value: p,
      verdict_a: verdictA,
      verdict_b: verdictB,
    };
  };
  const members = a.bands_by_human.map(() => [] as number[]);
  ma.human.forEach((h, i) => {
    const band = bandOf(a.edges, h);
    if (band >= 0) (members[band] as number[]).push(i);
  });
  const byHuman = a.bands_by_human.map((band, i) => change(band.band, members[i] as number[], band.verdict, (b.bands_by_human[i] as BandSummary).verdict));
  const tested = byHuman.filter((c) => c.p_value !== null);
  const q = benjaminiHochberg(tested.map((c) => c.p_value as number));
  tested.forEach((c, i) => (c.q_value = q[i] as number));
  const overall = change('overall', Array.from({ length: ma.n }, (_, i) => i), 'insufficient', 'insufficient');
  const significant = overall.p_value !== null && overall.p_value < alpha && overall.change !== null && overall.change !== 0;
  return {
    judge_a: judgeA,
    judge_b: judgeB,
    n_common: commonA.length,
    n_only_a: pairsA.length - commonA.length,
    n_only_b: pairsB.length - commonB.length,
    alpha,
    verdict: !significant ? 'no_significant_change' : (overall.change as number) > 0 ? 'improved' : 'regressed',
    overall: { ...overall, verdict_a: overallVerdict(a), verdict_b: overallVerdict(b) },
    bands_by_human: byHuman,
    bands: a.bands.map((ba, i) => {
      const bb = b.bands[i] as BandSummary;
      return {
        band: ba.band,
        n_a: ba.n,
        agreement_a: ba.agreement,
        verdict_a: ba.verdict,
        n_b: bb.n,
        agreement_b: bb.agreement,
        verdict_b: bb.verdict,
        change: ba.agreement === null || bb.agreement === null ? null : bb.agreement - ba.agreement,
      };
    }),
    kappa: { a: a.overall.kappa?.value ?? null, b: b.overall.kappa?.value ?? null },
    a,
    b,
  };
}

/** The overall agreement interval judged against the target, as a band's would be. */
function overallVerdict(r: CalibrationReport): BandSummary['verdict'] {
  return verdictFor(r.overall.agreement_ci, r.target);
}
