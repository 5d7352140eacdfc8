import { z } from 'zod';
import { CalibrationReportSchema } from './calibration-report.js';
import { NextLabelsSchema } from './next-labels.js';

/** How a judge's scored items and a gold set's labeled items overlap. */
export const PairCoverageSchema = z.object({
  /** Items the judge scored (latest score per item). */
  judge_scored: z.number().int(),
  /** Of those, items with human labels. */
  judge_scored_labeled: z.number().int(),
  /** Labeled items the judge never scored. */
  labeled_not_scored: z.number().int(),
  /** Labeled items without a consensus (a binary tie), left out with pairs: 'consensus'. */
  no_consensus: z.number().int(),
  /** Pairs calibrated. */
  pairs: z.number().int(),
});
export type PairCoverage = z.infer<typeof PairCoverageSchema>;

/** What `touchstone judge calibrate --json` prints. */
export const JudgeCalibrationResultSchema = CalibrationReportSchema.extend({
  coverage: PairCoverageSchema,
  next_labels: NextLabelsSchema,
});
export type JudgeCalibrationResult = z.infer<typeof JudgeCalibrationResultSchema>;
