import { z } from 'zod';
import { ScaleSchema } from '../schemas/scale.js';

const Ci = z.tuple([z.number(), z.number()]).nullable();
const Coefficient = z.object({ value: z.number().nullable(), ci: Ci });

export const AgreementCoefficientsSchema = z.object({
  n_items: z.number(),
  krippendorff_alpha: Coefficient.extend({ metric: z.enum(['nominal', 'ordinal', 'interval']) }),
  fleiss_kappa: Coefficient.extend({ labels_per_item: z.number() }).nullable(),
  gwet: Coefficient.extend({ name: z.enum(['AC1', 'AC2']), weights: z.enum(['identity', 'quadratic']) }).nullable(),
});

export const ComparisonSchema = z.enum(['co_labelers', 'slice_peers', 'judge_adjusted_slice_peers']);
export type Comparison = z.infer<typeof ComparisonSchema>;

export const ImpactSchema = z.object({
  /** Items whose consensus pass/fail/tie outcome changes without the labeler (in the flag's slice). */
  flipped_items: z.number(),
  /** Gold pass rate without minus with the labeler's labels, in [−1, 1]. */
  pass_rate_shift: z.number(),
  /** Items labeled only by this labeler, which leave the gold set without them. */
  dropped_items: z.number(),
  relabel_items: z.array(z.string()),
});

export const SkewLabelerSchema = z.object({
  labeler_id: z.string(),
  n_labels: z.number(),
  /** Share of the gold set's items this labeler labeled, in [0, 1]. */
  share: z.number(),
  label_share: z.number(),
  /** Labels that entered the leniency comparison. */
  n_compared: z.number(),
  /** Signed leniency in label units (binary/nominal: pass-rate points as a fraction); positive = lenient. */
  leniency: z.number().nullable(),
  ci: Ci,
  p_value: z.number().nullable(),
  /** Monte-Carlo permutation p-value ((1 + #≥)/(B + 1)); p_value uses it only below 30 compared labels. */
  p_permutation: z.number().nullable(),
  q_value: z.number().nullable(),
  /** Any flag (overall, slice, drift or fatigue) names this labeler. */
  flagged: z.boolean(),
  direction: z.enum(['lenient', 'severe']).nullable(),
  impact: ImpactSchema,
  dawid_skene: z.object({ accuracy: z.number(), confusion: z.array(z.array(z.number())) }).nullable(),
});

export const SkewFlagSchema = z.object({
  labeler_id: z.string(),
  slice: z.string().nullable(),
  kind: z.enum(['leniency', 'severity', 'drift', 'fatigue']),
  direction: z.enum(['lenient', 'severe']),
  /** Label units: leniency/severity against the comparison; drift/fatigue the change across the span. */
  effect: z.number(),
  ci: Ci,
  n: z.number(),
  p_value: z.number(),
  /** Monte-Carlo permutation p-value of a leniency/severity flag; null for drift and fatigue (normal approximation only). */
  p_permutation: z.number().nullable(),
  q_value: z.number(),
  comparison: ComparisonSchema,
  basis: z.enum(['labels', 'calendar', 'guideline_version', 'session_position']),
  caveat: z.string(),
  impact: ImpactSchema,
  /** A command producing a gold version without this labeler, to re-score and compare. */
  action: z.string(),
});

export const SkewReportSchema = z.object({
  gold_set: z.string(),
  scale: ScaleSchema,
  design: z.object({
    comparison: ComparisonSchema,
    caveat: z.string(),
    items: z.number(),
    labels: z.number(),
    labelers: z.number(),
    multi_labeled_items: z.number(),
    single_labeled_items: z.number(),
    /** Share of labels on items with at least one other label. */
    share_labels_with_peers: z.number(),
    judge: z.string().nullable(),
  }),
  method: z.object({
    fdr_alpha: z.number(),
    permutations: z.number(),
    seed: z.number(),
    bootstrap_replicates: z.number(),
    min_labels: z.number(),
    min_effect: z.number(),
    n_tests: z.number(),
    /** Labelers peeled off everyone else's peers (most significant first; see skew/run-tests.ts). */
    excluded_from_peers: z.array(z.string()),
    p_value: z.string(),
  }),
  agreement: AgreementCoefficientsSchema.extend({
    per_slice: z.array(AgreementCoefficientsSchema.extend({ slice: z.string().nullable() })),
    pairwise_cohen: z.object({
      weights: z.enum(['none', 'linear', 'quadratic']),
      min_shared: z.number(),
      n_pairs: z.number(),
      median: z.number().nullable(),
      min: z.number().nullable(),
      pairs: z.array(z.object({ a: z.string(), b: z.string(), n_shared: z.number(), kappa: z.number().nullable() })),
    }).nullable(),
  }),
  consensus: z.object({
    method: z.string(),
    pass_rate: z.number().nullable(),
    undecided_items: z.number(),
    dawid_skene: z.object({
      classes: z.array(z.string()),
      priors: z.array(z.number()),
      iterations: z.number(),
      converged: z.boolean(),
      pass_rate: z.number(),
    }).nullable(),
  }),
  labelers: z.array(SkewLabelerSchema),
  flags: z.array(SkewFlagSchema),
  concentration: z.object({
    largest_labeler: z.string().nullable(),
    largest_share: z.number(),
    herfindahl: z.number(),
    headline: z.string().nullable(),
  }),
});
export type SkewReport = z.infer<typeof SkewReportSchema>;
export type SkewFlag = z.infer<typeof SkewFlagSchema>;
export type SkewLabeler = z.infer<typeof SkewLabelerSchema>;
export type SkewImpact = z.infer<typeof ImpactSchema>;
