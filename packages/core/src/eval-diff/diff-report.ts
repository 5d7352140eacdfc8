import { z } from 'zod';
import { RunMetricSchema } from './eval-run.js';

export const VerdictSchema = z.enum(['regression', 'improvement', 'no change']);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * The paired comparison of one slice (slice null: all paired items). Rates and deltas are fractions
 * for pass/fail runs (0.08 = 8 points) and score units for score runs.
 */
export const SliceDiffSchema = z.object({
  slice: z.string().nullable(),
  n: z.number(),
  baseline: z.number(),
  candidate: z.number(),
  delta: z.number(),
  ci_low: z.number(),
  ci_high: z.number(),
  tolerance: z.number(),
  /** One-sided p of "delta ≥ −tolerance" and its Benjamini–Hochberg q over overall + slices. */
  p_regression: z.number(),
  q_regression: z.number(),
  /** One-sided p of "delta ≤ 0" and its BH q. */
  p_improvement: z.number(),
  q_improvement: z.number(),
  /** Smallest drop (tolerance included) this slice detects with 80% power at α / family size; null when unknown. */
  mde: z.number().nullable(),
  verdict: VerdictSchema,
  wins: z.number().nullable(),
  losses: z.number().nullable(),
  test: z.enum(['mcnemar-exact', 'tango-score', 'wilcoxon-signed-rank']),
});
export type SliceDiff = z.infer<typeof SliceDiffSchema>;

const Examples = z.object({ count: z.number(), examples: z.array(z.string()) });

export const RunRefSchema = z.object({
  name: z.string(),
  source: z.enum(['file', 'store']),
  n_items: z.number(),
  gold_set: z.string().nullable(),
  gold_snapshot: z.string().nullable(),
});

export const GoldCheckSchema = z.object({
  /** same: both runs cite one snapshot; changed: different ones (allowed by --allow-gold-change); unknown: a run cites none. */
  status: z.enum(['same', 'changed', 'unknown']),
  gold_set: z.string().nullable(),
  baseline_snapshot: z.string().nullable(),
  candidate_snapshot: z.string().nullable(),
  /** Between the two snapshots, when the store has both. */
  diff: z
    .object({
      added: z.number(),
      removed: z.number(),
      relabeled: z.number(),
      pass_flips: z.number(),
      relabeled_examples: z.array(z.object({ item_id: z.string(), from: z.union([z.number(), z.string()]).nullable(), to: z.union([z.number(), z.string()]).nullable() })),
      /** Paired items whose gold changed (added, removed or relabeled). */
      paired_items_affected: z.number(),
    })
    .nullable(),
  /** The overall comparison restricted to paired items whose gold did not change: the model's own change. */
  overall_unchanged_gold: SliceDiffSchema.nullable(),
  note: z.string().nullable(),
});
export type GoldCheck = z.infer<typeof GoldCheckSchema>;

export const DiffReportSchema = z.object({
  baseline: RunRefSchema,
  candidate: RunRefSchema,
  metric: RunMetricSchema,
  by: z.enum(['slice', 'none']),
  alpha: z.number(),
  confidence: z.number(),
  method: z.object({
    regression_test: z.string(),
    improvement_test: z.string(),
    interval: z.string(),
    multiple_testing: z.string(),
    family_size: z.number(),
  }),
  /** regression when any slice or the overall regresses (exit 1). */
  verdict: VerdictSchema,
  /** Slices that regressed ("(overall)" for the whole run), worst first. */
  regressions: z.array(z.string()),
  overall: SliceDiffSchema,
  /** Regressions first, then by delta ascending. */
  slices: z.array(SliceDiffSchema),
  paired: z.number(),
  only_baseline: Examples,
  only_candidate: Examples,
  slice_changed: z.object({ count: z.number(), examples: z.array(z.object({ item_id: z.string(), baseline: z.string().nullable(), candidate: z.string().nullable() })) }),
  gold: GoldCheckSchema,
  warnings: z.array(z.string()),
});
export type DiffReport = z.infer<typeof DiffReportSchema>;

/** The name a report uses for the slice of items without one. */
export const NO_SLICE = '(no slice)';
/** The name the regressions list uses for the whole run. */
export const OVERALL = '(overall)';
