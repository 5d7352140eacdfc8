import { z } from 'zod';

export const TamperFindingSchema = z.object({
  kind: z.enum(['edited', 'deleted', 'inserted', 'batch_altered', 'chain_broken']),
  table: z.enum(['labels', 'traffic', 'judge_scores', 'batches']),
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
});
export type VerifyReport = z.infer<typeof VerifyReportSchema>;
