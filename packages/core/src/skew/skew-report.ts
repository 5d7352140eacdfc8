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

/** What removing an estimated bias that is only noise moves (an unbiased labeler of the same design and volume). */
export const ImpactReferenceSchema = z.object({
  /** Median and 95th percentile of the expected flips. */
  flipped_items: z.number(),
  flipped_items_p95: z.number(),
  /** Median and 95th percentile of |pass-rate shift|. */
  pass_rate_shift: z.number(),
  pass_rate_shift_p95: z.number(),
});

/**
 * Counterfactual impact: how the consensus gold would differ had these labels been made without the
 * bias — each redrawn with the estimated bias removed, the number of labels per item unchanged
 * (skew/counterfactual.ts). Expectations, so an unbiased labeler's impact is near 0 whatever their volume.
 */
export const ImpactSchema = z.object({
  /** Expected number of items whose consensus (pass, fail, no consensus) changes. */
  flipped_items: z.number(),
  /** Corrected minus actual gold pass rate, in [−1, 1] (a lenient labeler's is negative). */
  pass_rate_shift: z.number(),
  /** Items whose consensus more likely than not changes (guideline shifts: the items only ever labeled under the older version). */
  relabel_items: z.array(z.string()),
  /** The bias removed, label units, per slice (null: every slice without its own correction). */
  corrections: z.array(z.object({ slice: z.string().nullable(), bias: z.number() })),
  /** The same figures for a bias that is estimation noise only; null when the bias was not estimated. */
  reference: ImpactReferenceSchema.nullable(),
  /**
   * Flips relative to the reference: flipped_items ÷ the 95th percentile of an unbiased labeler of the
   * same design and volume (above 1: larger than 95% of unbiased labelers of that volume would move).
   * Flags are ranked by it, so a small labeler's large bias outranks a large labeler's small one; null
   * without a reference.
   */
  times_reference: z.number().nullable(),
});

/** Leave-one-labeler-out: how much the consensus depends on a labeler (not how much their bias moves it). */
export const LeaveOneOutSchema = z.object({
  /** Items whose consensus outcome changes when the labeler's labels are dropped. */
  flipped_items: z.number(),
  /** Items only this labeler labeled, which leave the gold set without them. */
  dropped_items: z.number(),
  /** Gold pass rate without minus with the labeler's labels. */
  pass_rate_shift: z.number(),
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
  /** Where the impact's expected flips land, per slice. */
  impact_by_slice: z.array(z.object({ slice: z.string().nullable(), flipped_items: z.number() })),
  leave_one_out: LeaveOneOutSchema,
  dawid_skene: z.object({ accuracy: z.number(), confusion: z.array(z.array(z.number())) }).nullable(),
});

export const SkewFlagSchema = z.object({
  /** The labeler; null on a guideline_shift (a finding about a guideline version, not a labeler). */
  labeler_id: z.string().nullable(),
  slice: z.string().nullable(),
  kind: z.enum(['leniency', 'severity', 'drift', 'fatigue', 'guideline_shift']),
  /** guideline_shift: lenient when the older version's labels are higher. */
  direction: z.enum(['lenient', 'severe']),
  /** guideline_shift: the older version compared with the latest. */
  versions: z.object({ older: z.string(), latest: z.string() }).nullable(),
  /** Label units: leniency/severity against the comparison; drift/fatigue the change across the span; guideline_shift older − latest. */
  effect: z.number(),
  ci: Ci,
  n: z.number(),
  p_value: z.number(),
  /** Monte-Carlo permutation p-value of a leniency/severity flag; null for drift and fatigue (normal approximation only). */
  p_permutation: z.number().nullable(),
  q_value: z.number(),
  comparison: ComparisonSchema,
  /** guideline_shift: same_labelers (each labeler's own labels under both versions) or same_items (items labeled under both). */
  basis: z.enum(['labels', 'calendar', 'guideline_version', 'session_position', 'same_items', 'same_labelers']),
  caveat: z.string(),
  impact: ImpactSchema,
  /** A command producing a gold version without this labeler (guideline_shift: without the items only labeled under the older version), to re-score and compare. */
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
    /** Guideline shifts subtracted from the labels before the labeler tests (so a labeler is not blamed for a guideline). */
    adjusted_for_guideline: z.array(z.object({ slice: z.string().nullable(), older: z.string(), latest: z.string(), shift: z.number() })),
    impact: z.string(),
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
export type SkewLeaveOneOut = z.infer<typeof LeaveOneOutSchema>;
