import { z } from 'zod';
import type { Store } from '@touchstone/core';
import type { Scale } from '@touchstone/core/schemas';
import type { ItemQuery } from './item-query.js';
import { itemSearchSql } from './item-search-sql.js';

export const ItemHitSchema = z.object({
  item_id: z.string(),
  slice: z.string().nullable(),
  n_labels: z.number(),
  consensus_value: z.number().nullable(),
  consensus_text: z.string().nullable(),
  pass: z.boolean().nullable(),
  input: z.string(),
});
export type ItemHit = z.infer<typeof ItemHitSchema>;

export const ItemSearchResultSchema = z.object({ query: z.object({ text: z.string(), slice: z.string().nullable(), labeler: z.string().nullable() }), n_matches: z.number(), items: z.array(ItemHitSchema) });
export type ItemSearchResult = z.infer<typeof ItemSearchResultSchema>;

export async function searchItems(store: Store, scale: Scale, goldSet: string, query: ItemQuery, limit = 500): Promise<ItemSearchResult> {
  const rows = await store.all<{ n_matches: number }>(itemSearchSql(scale, goldSet, query, limit));
  return ItemSearchResultSchema.parse({ query, n_matches: rows[0]?.n_matches ?? 0, items: rows.map(({ n_matches: _n, ...r }) => r) });
}
