import { z } from 'zod';
import { HumanScaleSchema } from '@touchstone/core/schemas';

const Interval = z.tuple([z.number(), z.number()]);
const Estimate = z.object({ estimate: z.number(), ci: Interval, diagnostics: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])) });

/** What `touchstone judge correct --json` prints. */
export const JudgeCorrectionResultSchema = z.object({
  gold_set: z.string(),
  judge: z.string(),
  source: z.object({
    kind: z.enum(['shadow', 'window']),
    shadow_id: z.string().nullable(),
    since: z.string().nullable(),
    until: z.string().nullable(),
    /** Unlabeled items with a judge score. */
    n_items: z.number().int(),
    /** Items in the source without a judge score (left out). */
    n_unscored: z.number().int(),
    /** False when a shadow set's sampling weights differ; the estimates here are unweighted. */
    weights_uniform: z.boolean(),
  }),
  confidence: z.number(),
  /** The judge's raw pass rate on the unlabeled items. */
  observed_pass_rate: z.number(),
  calibration: z.object({ n_pairs: z.number().int(), tpr: z.number().nullable(), tnr: z.number().nullable() }),
  /** Rogan–Gladen with a percentile bootstrap interval (judgy); null when the correction is undefined. */
  rogan_gladen: Estimate.nullable(),
  rogan_gladen_error: z.string().nullable(),
  /** Prediction-powered inference, λ = 1. */
  ppi: Estimate,
  /** PPI++ with the tuned λ. */
  ppi_plus_plus: Estimate,
  /**
   * The estimate to believe: each estimator's assumption, PPI++'s tested (judge scores on gold vs on the
   * unlabeled items), stratified by slice where possible, one recommended and the other as sensitivity
   * (weighted by the shadow set's weights). Null for nominal gold sets.
   */
  human_scale: HumanScaleSchema.nullable(),
});
export type JudgeCorrectionResult = z.infer<typeof JudgeCorrectionResultSchema>;
