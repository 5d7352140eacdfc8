import { z } from 'zod';
import type { Store } from '../store/store.js';
import { consensusSql } from './consensus-sql.js';
import { requireGoldSet } from './gold-set.js';
import { requireSnapshot, type Snapshot } from './snapshot.js';

const ConsensusLabel = z.union([z.number(), z.string()]).nullable();

export const GoldDiffSchema = z.object({
  gold_set: z.string(),
  from: z.object({ tag: z.string(), content_hash: z.string(), n_items: z.number() }),
  to: z.object({ tag: z.string(), content_hash: z.string(), n_items: z.number() }),
  added: z.array(z.object({ item_id: z.string(), consensus: ConsensusLabel, pass: z.boolean().nullable() })),
  removed: z.array(z.object({ item_id: z.string(), consensus: ConsensusLabel, pass: z.boolean().nullable() })),
  relabeled: z.array(
    z.object({ item_id: z.string(), from: ConsensusLabel, to: ConsensusLabel, pass_from: z.boolean().nullable(), pass_to: z.boolean().nullable() }),
  ),
  counts: z.object({ added: z.number(), removed: z.number(), relabeled: z.number(), pass_flips: z.number() }),
});
export type GoldDiff = z.infer<typeof GoldDiffSchema>;

/** Items added, removed and relabeled (consensus changed) between two snapshots of a gold set. */
export async function goldDiff(store: Store, goldSet: string, fromTag: string, toTag: string): Promise<GoldDiff> {
  const gold = await requireGoldSet(store, goldSet);
  const a = await requireSnapshot(store, goldSet, fromTag);
  const b = await requireSnapshot(store, goldSet, toTag);
  const view = (s: Snapshot): string => consensusSql(gold.scale, { goldSet, maxSeq: s.max_seq, excludeLabelers: s.excluded_labelers, excludeGuideline: s.excluded_guideline });
  const rows = await store.all<{ item_id: string; in_a: boolean; in_b: boolean; ca: number | string | null; cb: number | string | null; pa: boolean | null; pb: boolean | null }>(
    `SELECT coalesce(a.item_id, b.item_id) AS item_id, a.item_id IS NOT NULL AS in_a, b.item_id IS NOT NULL AS in_b,
        coalesce(a.consensus_text, CAST(a.consensus_value AS VARCHAR)) AS ca, coalesce(b.consensus_text, CAST(b.consensus_value AS VARCHAR)) AS cb,
        a.pass AS pa, b.pass AS pb
     FROM (${view(a)}) a FULL OUTER JOIN (${view(b)}) b ON a.item_id = b.item_id
     WHERE a.item_id IS NULL OR b.item_id IS NULL
        OR a.consensus_value IS DISTINCT FROM b.consensus_value OR a.consensus_text IS DISTINCT FROM b.consensus_text
     ORDER BY item_id`,
  );
  const label = (v: number | string | null): number | string | null => (v === null ? null : gold.scale.kind === 'nominal' ? String(v) : Number(v));
  const added = rows.filter((r) => !r.in_a).map((r) => ({ item_id: r.item_id, consensus: label(r.cb), pass: r.pb }));
  const removed = rows.filter((r) => !r.in_b).map((r) => ({ item_id: r.item_id, consensus: label(r.ca), pass: r.pa }));
  const relabeled = rows.filter((r) => r.in_a && r.in_b).map((r) => ({ item_id: r.item_id, from: label(r.ca), to: label(r.cb), pass_from: r.pa, pass_to: r.pb }));
  return GoldDiffSchema.parse({
    gold_set: goldSet,
    from: { tag: a.tag, content_hash: a.content_hash, n_items: a.n_items },
    to: { tag: b.tag, content_hash: b.content_hash, n_items: b.n_items },
    added,
    removed,
    relabeled,
    counts: { added: added.length, removed: removed.length, relabeled: relabeled.length, pass_flips: relabeled.filter((r) => r.pass_from !== r.pass_to).length },
  });
}
