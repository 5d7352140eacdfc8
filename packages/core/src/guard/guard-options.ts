import { z } from 'zod';
import { SkewOptionsSchema } from '../skew/skew-options.js';

const Interval = z.tuple([z.number(), z.number()]);

/**
 * What the guard reads of a judge calibration: the bands by the judge's own score with their verdicts.
 * `@touchstone/judge-calibration`'s CalibrationReport (and `calibrateJudge`'s result) has this shape;
 * core names it structurally so it never imports that package (which depends on core).
 */
export const GuardCalibrationSchema = z.object({
  judge: z.string().nullable(),
  /** The agreement a band must reach to be trusted. */
  target: z.number(),
  bands: z.array(
    z.object({
      band: z.string(),
      n: z.number().int(),
      agreement: z.number().nullable(),
      ci: Interval.nullable(),
      verdict: z.enum(['trusted', 'untrusted', 'insufficient']),
      extra_labels_needed: z.number().int().nullable(),
    }),
  ),
});
export type GuardCalibration = z.infer<typeof GuardCalibrationSchema>;

/**
 * When a flagged labeler counts as high-impact: their counterfactual impact (skew's impact: their
 * labels corrected for their estimated bias) flips the consensus pass/fail outcome of at least
 * `flippedShare` of the gold set's items, or moves the gold pass rate by at least `passRateShift`
 * (a fraction: 0.01 is one percentage point), in either direction.
 */
export const ImpactThresholdsSchema = z.object({
  flippedShare: z.number().min(0).max(1).default(0.01),
  passRateShift: z.number().min(0).max(1).default(0.01),
});

export const GuardOptionsSchema = z.object({
  goldSet: z.string().min(1),
  /** The judge's calibration (bands by the judge's score), when the pipeline relies on a judge. */
  calibration: GuardCalibrationSchema.optional(),
  /**
   * Judge-score bands the pipeline relies on: each must be `trusted`. Absent: every band counts,
   * and only `untrusted` bands fail (an `insufficient` band is reported, not failed).
   */
  requiredBands: z.union([z.array(z.string().min(1)).min(1), z.literal('all')]).optional(),
  maxImpact: ImpactThresholdsSchema.prefault({}),
  /** A head hash pinned elsewhere (CI, a ticket): the chain's newest batch hash must equal it. */
  expectHead: z.string().min(1).optional(),
  /** Options of the skew analysis the guard runs (alpha, permutations, seed …); `bootstrap` defaults to 0 here. */
  skew: SkewOptionsSchema.omit({ goldSet: true }).partial().optional(),
});
export type GuardOptions = z.input<typeof GuardOptionsSchema>;
export type ResolvedGuardOptions = z.output<typeof GuardOptionsSchema>;
