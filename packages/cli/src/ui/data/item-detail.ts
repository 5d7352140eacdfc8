import { z } from 'zod';
import type { Store } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';
import { itemDetailQueries } from './item-detail-sql.js';

export const LabelHistoryEntrySchema = z.object({
  seq: z.number(),
  labeler_id: z.string(),
  label_value: z.number().nullable(),
  label_text: z.string().nullable(),
  labeled_at: z.string(),
  slice: z.string().nullable(),
  guideline_version: z.string().nullable(),
  session_id: z.string().nullable(),
  rationale: z.string().nullable(),
  source_ref: z.string().nullable(),
  batch_id: z.number(),
  source_file: z.string(),
  format: z.string(),
  actor: z.string(),
  imported_at: z.string(),
  superseded: z.boolean(),
});
export type LabelHistoryEntry = z.infer<typeof LabelHistoryEntrySchema>;

export const ItemDetailSchema = z.object({
  item_id: z.string(),
  input: z.string().nullable(),
  output: z.string().nullable(),
  reference: z.string().nullable(),
  consensus: z.object({ slice: z.string().nullable(), n_labels: z.number(), consensus_value: z.number().nullable(), consensus_text: z.string().nullable(), pass: z.boolean().nullable() }).nullable(),
  history: z.array(LabelHistoryEntrySchema),
  judge_scores: z.array(z.object({ judge: z.string(), score_value: z.number().nullable(), score_text: z.string().nullable(), scored_at: z.string().nullable(), batch_id: z.number() })),
});
export type ItemDetail = z.infer<typeof ItemDetailSchema>;

/** An item's texts, consensus, full label history with provenance (batch, file, actor, guideline version) and judge scores. */
export async function loadItemDetail(store: Store, scale: Scale, goldSet: string, itemId: string): Promise<ItemDetail> {
  const q = itemDetailQueries(scale, goldSet, itemId);
  const text = (await store.all(q.text))[0];
  const consensus = (await store.all(q.consensus))[0];
  return ItemDetailSchema.parse({
    item_id: itemId,
    input: text?.['input'] ?? null,
    output: text?.['output'] ?? null,
    reference: text?.['reference'] ?? null,
    consensus: consensus === undefined ? null : { slice: consensus['slice'], n_labels: consensus['n_labels'], consensus_value: consensus['consensus_value'], consensus_text: consensus['consensus_text'], pass: consensus['pass'] },
    history: await store.all(q.history),
    judge_scores: await store.all(q.judge),
  });
}
