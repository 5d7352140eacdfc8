import { z } from 'zod';
import { ScaleSchema } from '@touchstone/core/schemas';

const Interval = z.tuple([z.number(), z.number()]);
const Estimate = z.object({ value: z.number(), ci: Interval.nullable() });
const Rate = z.object({ value: z.number().nullable(), ci: Interval.nullable(), n: z.number().int() });

/** Exact agreement (Wilson interval), bias = mean judge − human and MAE (BCa intervals; null on nominal scales): band and overall alike. */
const AgreementFields = {
  exact_agreement: z.number().nullable(),
  exact_ci: Interval.nullable(),
  bias: z.number().nullable(),
  bias_ci: Interval.nullable(),
  mae: z.number().nullable(),
  mae_ci: Interval.nullable(),
};

export const VerdictSchema = z.enum(['trusted', 'untrusted', 'insufficient']);
export type Verdict = z.infer<typeof VerdictSchema>;

/** One score band, by the judge's score (precision view) or by the human score (recall view). */
export const BandSummarySchema = z.object({
  band: z.string(),
  /** [low, high): the last band includes its high edge. */
  range: Interval,
  n: z.number().int(),
  /** Agreement within tolerance: the share of pairs with |judge − human| ≤ tolerance. Null when n = 0. */
  agreement: z.number().nullable(),
  /** Wilson interval of `agreement`. */
  ci: Interval.nullable(),
  ...AgreementFields,
  /** Pass/fail view inside the band (scale's pass rule on both sides), Wilson intervals. */
  tpr: Rate,
  tnr: Rate,
  precision: Rate,
  verdict: VerdictSchema,
  /** Human labels this band would need, at its observed agreement, for the interval to clear or miss the target. */
  extra_labels_needed: z.number().int().nullable(),
});
export type BandSummary = z.infer<typeof BandSummarySchema>;

export const ConfusionSchema = z.object({
  /** Category labels; rows are the human score, columns the judge's. */
  categories: z.array(z.string()),
  counts: z.array(z.array(z.number().int())),
  /** Each row's counts as shares of the row (of items humans put in that category, where the judge put them). */
  row_share: z.array(z.array(z.number().nullable())),
  row_share_ci: z.array(z.array(Interval.nullable())),
});

export const OverallSchema = z.object({
  n: z.number().int(),
  agreement: z.number().nullable(),
  agreement_ci: Interval.nullable(),
  ...AgreementFields,
  /** Cohen's kappa with a BCa bootstrap interval; null when undefined (one category only). */
  kappa: Estimate.nullable(),
  /** Linear and quadratic weighted kappa, on ordinal and interval (banded) scales. */
  weighted_kappa: z.object({ linear: Estimate.nullable(), quadratic: Estimate.nullable() }).nullable(),
  spearman: Estimate.nullable(),
  kendall_tau_b: Estimate.nullable(),
  confusion_matrix: ConfusionSchema,
  pass_fail: z.object({ tpr: Rate, tnr: Rate, precision: Rate, judge_pass_rate: Rate, human_pass_rate: Rate }),
});
export type Overall = z.infer<typeof OverallSchema>;

export const CalibrationReportSchema = z.object({
  gold_set: z.string().nullable(),
  judge: z.string().nullable(),
  scale: ScaleSchema,
  pairing: z.enum(['consensus', 'all']),
  n_pairs: z.number().int(),
  edges: z.array(z.number()),
  tolerance: z.number(),
  target: z.number(),
  confidence: z.number(),
  resamples: z.number().int(),
  seed: z.number().int(),
  /** Pairs whose score fell outside the band edges (left out of the bands, kept in overall). */
  outside_bands: z.object({ judge: z.number().int(), human: z.number().int() }),
  bands: z.array(BandSummarySchema),
  bands_by_human: z.array(BandSummarySchema),
  overall: OverallSchema,
  headline: z.object({
    aggregate_agreement: z.number().nullable(),
    aggregate_ci: Interval.nullable(),
    worst_band: z.object({ view: z.enum(['judge', 'human']), band: z.string(), n: z.number().int(), agreement: z.number(), ci: Interval.nullable() }).nullable(),
    /** aggregate − worst band agreement. */
    gap: z.number().nullable(),
  }),
  verdicts: z.object({ trusted: z.array(z.string()), untrusted: z.array(z.string()), insufficient: z.array(z.string()) }),
});
export type CalibrationReport = z.infer<typeof CalibrationReportSchema>;
