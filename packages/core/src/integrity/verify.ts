import { z } from 'zod';
import type { Store } from '../store/store.js';
import { batchHash, BatchHashInputSchema, GENESIS_HASH } from './batch-hash.js';
import { batchHashV2, changedBatchFields, parseBatchRow, type BatchRow } from './batch-row.js';
import { erasedRows, erasureFindings } from './verify-erasure.js';
import { catalogFindings } from './verify-catalog.js';
import { shadowItemFindings } from './verify-derived.js';
import { stateFindings } from './verify-state.js';
import { batchMerkleRoot } from './batch-merkle-root.js';
import type { HashedTable } from './row-hash.js';
import { deletedRowsSql, rowFindingsSql } from './verify-sql.js';
import { VerifyReportSchema, type TamperFinding, type VerifyReport } from './verify-report.js';

const TABLES: readonly HashedTable[] = ['labels', 'traffic', 'judge_scores'];
const TABLE_OF_KIND: Record<string, HashedTable> = { labels: 'labels', traffic: 'traffic', judge: 'judge_scores' };

const RowRef = z.object({
  seq: z.number().nullable(),
  batch_id: z.number().nullable(),
  gold_set: z.string().nullable(),
  item_id: z.string().nullable().optional(),
  labeler_id: z.string().nullable().optional(),
});

/** Hash v1 (batches written before v2) covers the fields of batch-hash.ts; v2 every column. */
function hashMatches(b: BatchRow): boolean {
  if (b.hash_version === null) return batchHash(BatchHashInputSchema.parse(b)) === b.hash;
  return b.hash_version === 2 && batchHashV2(b) === b.hash;
}

/**
 * Recomputes every row hash, every batch's Merkle root and hash, the chain of batch hashes, the
 * digests chained events sealed over the other tables (gold sets, items, snapshots, shadow sets,
 * drift and eval runs), and the store's view definitions; names each row edited, deleted or inserted
 * behind Touchstone's back (for instance by raw SQL on the DuckDB file). Rows erased by
 * `touchstone erase` verify against the hashes their erasure recorded. With `goldSet`, row findings
 * are limited to that gold set; the chain is always checked whole.
 */
export async function verify(store: Store, goldSet?: string): Promise<VerifyReport> {
  const findings: TamperFinding[] = await catalogFindings(store);
  const batches = (await store.all(`SELECT * FROM batches ORDER BY batch_id`)).map(parseBatchRow);
  let prev = GENESIS_HASH;
  for (const b of batches) {
    const table = TABLE_OF_KIND[b.kind];
    const base = { table: 'batches' as const, batch_id: b.batch_id, seq: null, gold_set: b.gold_set, item_id: null, labeler_id: null };
    if (b.prev_hash !== prev) findings.push({ ...base, kind: 'chain_broken', message: `batch ${b.batch_id}: its previous-hash link does not match batch ${b.batch_id - 1} (a batch was removed, reordered or rewritten)` });
    if (!hashMatches(b)) {
      const fields = changedBatchFields(b);
      const what = fields.length > 0 ? `field${fields.length === 1 ? '' : 's'} ${fields.join(', ')} altered` : `a recorded field was altered (its hash covers ${b.hash_version === null ? 'provenance, counts, seq range and Merkle root' : 'every column'})`;
      findings.push({ ...base, kind: 'batch_altered', message: `batch ${b.batch_id} (${b.kind} ${b.source_file}): ${what}` });
    }
    if (table !== undefined) {
      const root = await batchMerkleRoot(store, table, b.batch_id);
      if (root !== b.merkle_root) findings.push({ ...base, kind: 'batch_altered', message: `batch ${b.batch_id} (${b.source_file}): the rows it committed no longer hash to its Merkle root` });
    }
    prev = b.hash;
  }

  const keep = (gs: string | null): boolean => goldSet === undefined || gs === goldSet;
  const legacy = batches.filter((b) => b.hash_version === null).length;
  const state = await stateFindings(store, batches, legacy > 0);
  findings.push(...[...state.findings, ...(await shadowItemFindings(store))].filter((f) => f.gold_set === null || keep(f.gold_set)));
  const erased = erasedRows(batches);
  const erasure = await erasureFindings(store, erased);
  findings.push(...erasure.findings);

  const counts: Record<HashedTable, number> = { labels: 0, traffic: 0, judge_scores: 0 };
  for (const table of TABLES) {
    counts[table] = (await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0;
    const what = table === 'labels' ? 'label' : table === 'traffic' ? 'traffic record' : 'judge score';
    // An inserted row usually also fails its hash; report it once, as inserted. An erased row is checked by erasureFindings.
    const rows = (await store.all(rowFindingsSql(table))).map((x) => ({ ...RowRef.parse(x), edited: x['edited'] === true, inserted: x['inserted'] === true }));
    const wasErased = (r: { seq: number | null }): boolean => table === 'traffic' && r.seq !== null && erased.has(r.seq);
    for (const r of rows.filter((x) => x.edited && !x.inserted && !wasErased(x))) {
      if (keep(r.gold_set)) findings.push({ kind: 'edited', table, ...ref(r), message: `${what} #${r.seq} (${describe(r)}, batch ${r.batch_id}) was edited: its content no longer matches its hash` });
    }
    for (const r of (await store.all(deletedRowsSql(table))).map((x) => RowRef.parse(x))) {
      if (keep(r.gold_set)) findings.push({ kind: 'deleted', table, ...ref(r), message: `${what} #${r.seq} of batch ${r.batch_id} was deleted` });
    }
    for (const r of rows.filter((x) => x.inserted)) {
      if (keep(r.gold_set)) findings.push({ kind: 'inserted', table, ...ref(r), message: `${what} #${r.seq} (${describe(r)}, batch ${r.batch_id}) was inserted outside any ingest` });
    }
  }
  const notes: string[] = [];
  if (legacy > 0) {
    notes.push(`${legacy} of ${batches.length} batches predate batch hash v2: their finished_at, field_map and supplied fields are not covered${state.unsealed.length > 0 ? `, nor ${state.unsealed.length === 1 ? 'is 1 record' : `are ${state.unsealed.length} records`} they wrote (${state.unsealed.slice(0, 5).join(', ')}${state.unsealed.length > 5 ? ', …' : ''})` : ''}. To bring everything under the chain, re-ingest the source files into a new store (--db NEW) and re-create snapshots and shadow sets there.`);
  }
  return VerifyReportSchema.parse({
    intact: findings.length === 0,
    gold_set: goldSet ?? null,
    batches_checked: batches.length,
    rows_checked: counts,
    head_hash: prev,
    findings,
    erased_rows: erasure.verified,
    notes,
  });
}

function ref(r: z.infer<typeof RowRef>): Pick<TamperFinding, 'batch_id' | 'seq' | 'gold_set' | 'item_id' | 'labeler_id'> {
  return { batch_id: r.batch_id, seq: r.seq, gold_set: r.gold_set, item_id: r.item_id ?? null, labeler_id: r.labeler_id ?? null };
}

function describe(r: z.infer<typeof RowRef>): string {
  return [r.gold_set === null ? undefined : `gold ${r.gold_set}`, r.item_id == null ? undefined : `item ${r.item_id}`, r.labeler_id == null ? undefined : `by ${r.labeler_id}`]
    .filter((x) => x !== undefined)
    .join(', ');
}
