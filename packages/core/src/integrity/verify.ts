import { z } from 'zod';
import type { Store } from '../store/store.js';
import { batchHash, BatchHashInputSchema, GENESIS_HASH } from './batch-hash.js';
import { merkleRootSql, type HashedTable } from './row-hash.js';
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

/**
 * Recomputes every row hash, every batch's Merkle root and the chain of batch hashes, and names
 * each row edited, deleted or inserted behind Touchstone's back (for instance by raw SQL on the
 * DuckDB file). With `goldSet`, row findings are limited to that gold set; the chain is always checked whole.
 */
export async function verify(store: Store, goldSet?: string): Promise<VerifyReport> {
  const findings: TamperFinding[] = [];
  const batches = await store.all(`SELECT * FROM batches ORDER BY batch_id`);
  let prev = GENESIS_HASH;
  for (const raw of batches) {
    const b = BatchHashInputSchema.parse({ ...raw, started_at: new Date(String(raw['started_at'])).toISOString() });
    const table = TABLE_OF_KIND[b.kind];
    const base = { table: 'batches' as const, batch_id: b.batch_id, seq: null, gold_set: b.gold_set, item_id: null, labeler_id: null };
    if (b.prev_hash !== prev) findings.push({ ...base, kind: 'chain_broken', message: `batch ${b.batch_id}: its previous-hash link does not match batch ${b.batch_id - 1} (a batch was removed, reordered or rewritten)` });
    if (batchHash(b) !== raw['hash']) findings.push({ ...base, kind: 'batch_altered', message: `batch ${b.batch_id} (${b.source_file}): its recorded provenance or counts were altered` });
    if (table !== undefined) {
      const root = (await store.all<{ root: string }>({ sql: merkleRootSql(table), params: [b.batch_id] }))[0]?.root;
      if (root !== b.merkle_root) findings.push({ ...base, kind: 'batch_altered', message: `batch ${b.batch_id} (${b.source_file}): the rows it committed no longer hash to its Merkle root` });
    }
    prev = String(raw['hash']);
  }

  const keep = (gs: string | null): boolean => goldSet === undefined || gs === goldSet;
  const counts: Record<HashedTable, number> = { labels: 0, traffic: 0, judge_scores: 0 };
  for (const table of TABLES) {
    counts[table] = (await store.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0;
    const what = table === 'labels' ? 'label' : table === 'traffic' ? 'traffic record' : 'judge score';
    // An inserted row usually also fails its hash; report it once, as inserted.
    const rows = (await store.all(rowFindingsSql(table))).map((x) => ({ ...RowRef.parse(x), edited: x['edited'] === true, inserted: x['inserted'] === true }));
    for (const r of rows.filter((x) => x.edited && !x.inserted)) {
      if (keep(r.gold_set)) findings.push({ kind: 'edited', table, ...ref(r), message: `${what} #${r.seq} (${describe(r)}, batch ${r.batch_id}) was edited: its content no longer matches its hash` });
    }
    for (const r of (await store.all(deletedRowsSql(table))).map((x) => RowRef.parse(x))) {
      if (keep(r.gold_set)) findings.push({ kind: 'deleted', table, ...ref(r), message: `${what} #${r.seq} of batch ${r.batch_id} was deleted` });
    }
    for (const r of rows.filter((x) => x.inserted)) {
      if (keep(r.gold_set)) findings.push({ kind: 'inserted', table, ...ref(r), message: `${what} #${r.seq} (${describe(r)}, batch ${r.batch_id}) was inserted outside any ingest` });
    }
  }
  return VerifyReportSchema.parse({
    intact: findings.length === 0,
    gold_set: goldSet ?? null,
    batches_checked: batches.length,
    rows_checked: counts,
    head_hash: prev,
    findings,
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
