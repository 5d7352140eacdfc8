import { z } from 'zod';

export const TamperFindingSchema = z.object({
  kind: z.enum(['edited', 'deleted', 'inserted', 'batch_altered', 'chain_broken', 'schema_altered']),
  /** The table (or `catalog` for a view or macro definition) the finding is in. */
  table: z.enum(['labels', 'traffic', 'judge_scores', 'batches', 'gold_sets', 'items', 'snapshots', 'shadow_sets', 'shadow_items',
    'drift_runs', 'eval_runs', 'eval_run_items', 'catalog']),
  batch_id: z.number().nullable(),
  seq: z.number().nullable(),
  gold_set: z.string().nullable(),
  item_id: z.string().nullable(),
  labeler_id: z.string().nullable(),
  message: z.string(),
});
export type TamperFinding = z.infer<typeof TamperFindingSchema>;

export const VerifyReportSchema = z.object({
  intact: z.boolean(),
  gold_set: z.string().nullable(),
  batches_checked: z.number(),
  rows_checked: z.object({ labels: z.number(), traffic: z.number(), judge_scores: z.number() }),
  /** Hash of the newest batch: pin it elsewhere to detect a wholesale rewrite of the chain. */
  head_hash: z.string(),
  findings: z.array(TamperFindingSchema),
  /** Rows erased by `touchstone erase` that verify against the hashes their erasure recorded. */
  erased_rows: z.number().default(0),
  /** What verify could not check and why (batches written before batch hash v2), with what to do. */
  notes: z.array(z.string()).default([]),
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;
