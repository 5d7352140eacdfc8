import { bandSummary, type BandContext } from './band-summary.js';
import { CalibrateOptionsSchema, type CalibrateOptions } from './calibrate-options.js';
import type { CalibrationPair } from './calibration-pair.js';
import type { BandSummary, CalibrationReport } from './calibration-report.js';
import { overallSummary } from './overall.js';
import { pairMetrics } from './pair-metrics.js';
import { bandLabels, bandOf, scaleRules } from './scale-rules.js';

/**
 * Calibrates a judge against humans over plain (judge score, human score) pairs: agreement per band
 * of the judge's score (precision view: when the judge says 5, how often do humans agree?) and per
 * band of the human score (recall view: of what humans rate 1, how much does the judge catch?), each
 * with Wilson and BCa intervals and a verdict against the target; overall kappa (and weighted
 * kappa), Spearman, Kendall τ_b and the confusion matrix; and the headline — aggregate agreement next
 * to the worst band's. Pure: same pairs, options and seed give the same report.
 * @throws RangeError when the options are invalid (band edges not strictly increasing, …)
 */
export function calibrate(pairs: readonly CalibrationPair[], options: CalibrateOptions): CalibrationReport {
  const parsed = CalibrateOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`calibrate: option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const o = parsed.data;
  if (o.edges !== undefined && o.edges.some((e, i) => i > 0 && e <= (o.edges?.[i - 1] as number))) {
    throw new RangeError(`calibrate: band edges must be strictly increasing, got ${o.edges.join(',')}`);
  }
  const rules = scaleRules(o.scale, o.edges);
  const tolerance = o.tolerance ?? rules.tolerance;
  const m = pairMetrics(pairs, rules, tolerance);
  const numeric = o.scale.kind !== 'nominal';
  const labels = rules.labels ?? bandLabels(rules.edges);
  const ctx: BandContext = { target: o.target, confidence: o.confidence, resamples: o.resamples, seed: o.seed, numeric };
  const view = (values: Float64Array, seedOffset: number): { bands: BandSummary[]; outside: number } => {
    const members = labels.map(() => [] as number[]);
    let outside = 0;
    values.forEach((v, i) => {
      const b = bandOf(rules.edges, v);
      if (b < 0) outside += 1;
      else (members[b] as number[]).push(i);
    });
    const bands = labels.map((label, b) =>
      bandSummary(label, [rules.edges[b] as number, rules.edges[b + 1] as number], m, members[b] as number[], { ...ctx, seed: o.seed + seedOffset + 7919 * b }),
    );
    return { bands, outside };
  };
  const byJudge = view(m.judge, 0);
  const byHuman = view(m.human, 500_000);
  const overall = overallSummary(m, rules, { confidence: o.confidence, resamples: o.resamples, seed: o.seed, numeric, ordered: o.scale.kind === 'ordinal' || o.scale.kind === 'interval' });
  return {
    gold_set: o.gold_set,
    judge: o.judge,
    scale: o.scale,
    pairing: o.pairing,
    n_pairs: m.n,
    edges: rules.edges,
    tolerance,
    target: o.target,
    confidence: o.confidence,
    resamples: o.resamples,
    seed: o.seed,
    outside_bands: { judge: byJudge.outside, human: byHuman.outside },
    bands: byJudge.bands,
    bands_by_human: byHuman.bands,
    overall,
    headline: headline(overall.agreement, overall.agreement_ci, byJudge.bands, byHuman.bands, o.minBandN),
    verdicts: {
      trusted: byJudge.bands.filter((b) => b.verdict === 'trusted').map((b) => b.band),
      untrusted: byJudge.bands.filter((b) => b.verdict === 'untrusted').map((b) => b.band),
      insufficient: byJudge.bands.filter((b) => b.verdict === 'insufficient').map((b) => b.band),
    },
  };
}

/** The worst band (lowest agreement) among bands with at least `minN` pairs in either view, or among all non-empty ones when none is that large. */
function headline(aggregate: number | null, aggregateCi: [number, number] | null, byJudge: BandSummary[], byHuman: BandSummary[], minN: number): CalibrationReport['headline'] {
  const all = [...byJudge.map((b) => ({ view: 'judge' as const, b })), ...byHuman.map((b) => ({ view: 'human' as const, b }))].filter((x) => x.b.n > 0);
  const large = all.filter((x) => x.b.n >= minN);
  const pool = large.length > 0 ? large : all;
  let worst: (typeof pool)[number] | undefined;
  for (const x of pool) if (worst === undefined || (x.b.agreement as number) < (worst.b.agreement as number)) worst = x;
  return {
    aggregate_agreement: aggregate,
    aggregate_ci: aggregateCi,
    worst_band: worst === undefined ? null : { view: worst.view, band: worst.b.band, n: worst.b.n, agreement: worst.b.agreement as number, ci: worst.b.ci },
    gap: worst === undefined || aggregate === null ? null : aggregate - (worst.b.agreement as number),
  };
}
