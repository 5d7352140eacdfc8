import { z } from 'zod';

const Ci = z.tuple([z.number(), z.number()]);
const Estimate = z.object({ estimate: z.number(), ci: Ci });

/** What each estimator of the human-scale pass rate assumes, stated in every report that shows it. */
export const ESTIMATOR_ASSUMPTIONS = {
  rogan_gladen: "Rogan–Gladen: the judge's error rates given the true verdict (TPR, TNR measured on gold) are the same on traffic; the pass rate itself may differ between gold and traffic.",
  ppi_plus_plus: 'PPI++: gold items are a random sample of the traffic being estimated (same joint distribution of human and judge verdicts); a difference between gold and traffic biases it.',
} as const;

/** Estimates of one stratum (a slice, or everything): each estimator with its interval or the reason it is undefined. */
export const StratumEstimatesSchema = z.object({
  slice: z.string().nullable(),
  /** Share of traffic in this stratum (its weight in the stratified estimate); 1 for everything. */
  traffic_share: z.number(),
  n_gold: z.number(),
  n_shadow: z.number(),
  /** The judge's (weighted) pass rate on traffic in this stratum. */
  judge_rate: z.number().nullable(),
  rogan_gladen: Estimate.nullable(),
  rogan_gladen_error: z.string().nullable(),
  ppi_plus_plus: Estimate.nullable(),
  ppi_plus_plus_error: z.string().nullable(),
  /**
   * PPI++'s assumption put to the test: the judge's score distribution on gold items against on
   * traffic (chi-square homogeneity on the score values, traffic at its effective size). Under
   * PPI's assumption they are the same; null when either side has fewer than 10 scores.
   */
  judge_score_shift: z.object({ chi2: z.number(), df: z.number(), p_value: z.number(), gold_mean: z.number(), traffic_mean: z.number() }).nullable(),
});
export type StratumEstimates = z.infer<typeof StratumEstimatesSchema>;

/** The human-scale estimate of the traffic pass rate: every estimator, the one recommended and why. */
export const HumanScaleSchema = z.object({
  judge: z.string(),
  n_calibration: z.number(),
  confidence: z.number(),
  assumptions: z.object({ rogan_gladen: z.string(), ppi_plus_plus: z.string() }),
  /** Stratified by slice (Σ share·estimate over slices) when every traffic slice has gold items to calibrate on; else pooled. */
  stratified: z.boolean(),
  overall: StratumEstimatesSchema,
  by_slice: z.array(StratumEstimatesSchema),
  recommended: z.enum(['rogan_gladen', 'ppi_plus_plus']).nullable(),
  /** Why that estimator, and what the others show as sensitivity. */
  recommendation: z.string(),
  notes: z.array(z.string()),
});
export type HumanScale = z.infer<typeof HumanScaleSchema>;

/** One stratum's data for the estimator: the gold pairs and the traffic verdicts. */
export interface HumanScaleStratum {
  readonly slice: string | null;
  /** Share of traffic in the stratum. */
  readonly share: number;
  /** Human pass (1/0) and the judge's pass (1/0) and score on the same gold items. */
  readonly labels: readonly number[];
  readonly predictions: readonly number[];
  readonly goldScores: readonly number[];
  /** The judge's pass (1/0), score and the item's weight on traffic. */
  readonly unlabeledPredictions: readonly number[];
  readonly unlabeledScores: readonly number[];
  readonly unlabeledWeights: readonly number[];
}

/**
 * The hook through which core gets human-scale estimates (@touchstone/judge-calibration's
 * `humanScaleEstimates` fits it): core holds the data, the estimators live in judge-calibration.
 */
export type HumanScaleCorrector = (input: { judge: string; strata: readonly HumanScaleStratum[]; pooled: HumanScaleStratum; notes: readonly string[] }) => HumanScale;
