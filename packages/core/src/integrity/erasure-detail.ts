import { z } from 'zod';

/** What an erased text column holds instead of the text. */
export const ERASED_TEXT = '[erased]';

/**
 * The `detail` of an `erase` event in the chain: why, and which rows with the row hashes they had
 * (the stored `row_hash` stays, so the batch's Merkle root still verifies; the text it hashed is gone).
 */
export const ErasureDetailSchema = z.object({
  reason: z.string(),
  selector: z.string(),
  traffic: z.array(z.object({ seq: z.number(), id: z.string(), row_hash: z.string() })),
  shadow_items: z.array(z.object({ shadow_id: z.string(), item_id: z.string() })),
  /** Gold items and drift runs whose copies of the text were replaced (absent in erasures from before they were). */
  gold_items: z.array(z.object({ gold_set: z.string(), item_id: z.string() })).optional(),
  drift_runs: z.array(z.number()).optional(),
});
export type ErasureDetail = z.infer<typeof ErasureDetailSchema>;
