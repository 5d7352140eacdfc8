import { z } from 'zod';
import { StoreError } from '../errors/touchstone-error.js';
import { ScaleSchema, type Scale } from '../schemas/scale.js';
import type { Store } from '../store/store.js';

export const GoldSetSchema = z.object({
  name: z.string(),
  scale: ScaleSchema,
  scale_inferred: z.boolean(),
  created_at: z.string(),
  created_batch: z.number(),
});
export type GoldSet = z.infer<typeof GoldSetSchema>;

export async function findGoldSet(store: Store, name: string): Promise<GoldSet | undefined> {
  const rows = await store.all({ sql: `SELECT * FROM gold_sets WHERE name = $1`, params: [name] });
  const row = rows[0];
  if (row === undefined) return undefined;
  return GoldSetSchema.parse({ ...row, scale: JSON.parse(String(row['scale'])) as unknown });
}

/** The gold set named `name`, or a StoreError listing the ones that exist. */
export async function requireGoldSet(store: Store, name: string): Promise<GoldSet> {
  const found = await findGoldSet(store, name);
  if (found !== undefined) return found;
  const names = (await store.all<{ name: string }>({ sql: `SELECT name FROM gold_sets ORDER BY name`, params: [] })).map((r) => r.name);
  throw new StoreError(
    'GOLD_NOT_FOUND',
    `no gold set named "${name}" in ${store.path}${names.length > 0 ? `; gold sets: ${names.join(', ')}` : ' (the store has no gold sets yet: touchstone ingest labels FILE --gold NAME)'}`,
  );
}

export async function listGoldSets(store: Store): Promise<GoldSet[]> {
  const rows = await store.all({ sql: `SELECT * FROM gold_sets ORDER BY name`, params: [] });
  return rows.map((row) => GoldSetSchema.parse({ ...row, scale: JSON.parse(String(row['scale'])) as unknown }));
}

export function scaleJson(scale: Scale): string {
  return JSON.stringify(scale);
}
