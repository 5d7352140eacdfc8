import { z } from 'zod';
import { TamperFindingSchema } from '../integrity/verify-report.js';
import { SkewFlagSchema } from '../skew/skew-report.js';
import { GuardCalibrationSchema } from './guard-options.js';

export const GuardCheckNameSchema = z.enum(['integrity', 'labeler_impact', 'judge_bands']);
export type GuardCheckName = z.infer<typeof GuardCheckNameSchema>;

const Band = GuardCalibrationSchema.shape.bands.element;

/** The gold set's rows or batch chain were changed outside Touchstone (`verify` not intact), or the head hash is not the pinned one. */
export const IntegrityFailureSchema = z.object({
  check: z.literal('integrity'),
  message: z.string(),
  details: z.object({
    head_hash: z.string(),
    expected_head: z.string().nullable(),
    /** Findings by kind (edited, deleted, inserted, batch_altered, chain_broken). */
    counts: z.record(z.string(), z.number().int()),
    /** The first findings, as `verify` reports them. */
    findings: z.array(TamperFindingSchema),
  }),
});

/** A skew flag whose labeler changes the gold enough to matter (see ImpactThresholdsSchema). */
export const LabelerImpactFailureSchema = z.object({
  check: z.literal('labeler_impact'),
  message: z.string(),
  details: z.object({
    labeler_id: z.string(),
    slice: z.string().nullable(),
    /** The labeler's highest-impact flag, and every kind of flag of theirs that reaches a limit. */
    kind: SkewFlagSchema.shape.kind,
    kinds: z.array(SkewFlagSchema.shape.kind),
    direction: SkewFlagSchema.shape.direction,
    effect: z.number(),
    q_value: z.number(),
    /** Counterfactual impact (skew's impact): expected gold items whose consensus outcome flips had the labeler labeled without their bias, and their share of the gold set's items. */
    flipped_items: z.number(),
    flipped_share: z.number(),
    /** Corrected minus actual gold pass rate, a fraction in [−1, 1]. */
    pass_rate_shift: z.number(),
    /** What an unbiased labeler of the same design and volume moves (95th percentile), when estimated. */
    reference: z.object({ flipped_items_p95: z.number(), pass_rate_shift_p95: z.number() }).nullable(),
    /** Which threshold(s) the flag reached. */
    reached: z.array(z.enum(['flipped_share', 'pass_rate_shift'])),
    relabel_items: z.array(z.string()),
    action: z.string(),
  }),
});

/** A judge-score band the pipeline relies on is not trusted. */
export const JudgeBandFailureSchema = z.object({
  check: z.literal('judge_bands'),
  message: z.string(),
  details: Band.extend({ judge: z.string().nullable(), target: z.number(), required: z.boolean() }),
});

export const GuardFailureSchema = z.discriminatedUnion('check', [IntegrityFailureSchema, LabelerImpactFailureSchema, JudgeBandFailureSchema]);
export type GuardFailure = z.infer<typeof GuardFailureSchema>;

/** One check's outcome in a sentence; `not_run` when its report was not given (no judge). */
export const GuardCheckSchema = z.object({
  check: GuardCheckNameSchema,
  status: z.enum(['pass', 'fail', 'not_run']),
  summary: z.string(),
});
export type GuardCheck = z.infer<typeof GuardCheckSchema>;

/** What `guard` returns and `touchstone guard --json` prints. */
export const GuardResultSchema = z.object({
  ok: z.boolean(),
  gold_set: z.string(),
  judge: z.string().nullable(),
  thresholds: z.object({
    flipped_share: z.number(),
    pass_rate_shift: z.number(),
    required_bands: z.union([z.array(z.string()), z.literal('all')]).nullable(),
    expected_head: z.string().nullable(),
  }),
  checks: z.array(GuardCheckSchema),
  failures: z.array(GuardFailureSchema),
});
export type GuardResult = z.infer<typeof GuardResultSchema>;
