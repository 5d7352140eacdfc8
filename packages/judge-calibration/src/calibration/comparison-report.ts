import { z } from 'zod';
import { CalibrationReportSchema, VerdictSchema } from './calibration-report.js';

const Interval = z.tuple([z.number(), z.number()]);

/** Paired change in agreement on the same pairs: B's agreement minus A's. */
export const PairedChangeSchema = z.object({
  band: z.string(),
  n: z.number().int(),
  agreement_a: z.number().nullable(),
  agreement_b: z.number().nullable(),
  change: z.number().nullable(),
  /** Tango score interval for the paired difference of proportions. */
  change_ci: Interval.nullable(),
  /** Pairs only A agrees on, and only B. */
  a_only: z.number().int(),
  b_only: z.number().int(),
  /** Exact McNemar test on the discordant pairs. */
  p_value: z.number().nullable(),
  /** Benjamini–Hochberg across the bands (overall: the p-value itself). */
  q_value: z.number().nullable(),
  verdict_a: VerdictSchema,
  verdict_b: VerdictSchema,
});
export type PairedChange = z.infer<typeof PairedChangeSchema>;

export const JudgeComparisonSchema = z.object({
  judge_a: z.string(),
  judge_b: z.string(),
  n_common: z.number().int(),
  n_only_a: z.number().int(),
  n_only_b: z.number().int(),
  alpha: z.number(),
  /** improved / regressed when the overall McNemar test rejects at alpha; else no_significant_change. */
  verdict: z.enum(['improved', 'regressed', 'no_significant_change']),
  overall: PairedChangeSchema,
  /** By human score: the same pairs in each band for both judges, so the change is paired. */
  bands_by_human: z.array(PairedChangeSchema),
  /** By each judge's own score: different pairs per judge, so only side by side (no paired test). */
  bands: z.array(
    z.object({
      band: z.string(),
      n_a: z.number().int(),
      agreement_a: z.number().nullable(),
      verdict_a: VerdictSchema,
      n_b: z.number().int(),
      agreement_b: z.number().nullable(),
      verdict_b: VerdictSchema,
      change: z.number().nullable(),
    }),
  ),
  kappa: z.object({ a: z.number().nullable(), b: z.number().nullable() }),
  a: CalibrationReportSchema,
  b: CalibrationReportSchema,
});
export type JudgeComparison = z.infer<typeof JudgeComparisonSchema>;
