import type { Store } from '../store/store.js';
import type { BatchRow } from './batch-row.js';
import { COVERED_TABLE_NAMES, type CoveredTable } from './covered-tables.js';
import { digestDifference, StateManifestSchema, tableDigests, type OwnerDigest } from './state-manifest.js';
import type { TamperFinding } from './verify-report.js';

const WHAT: Record<CoveredTable, string> = {
  gold_sets: 'gold set', items: 'items of gold set', snapshots: 'snapshot', shadow_sets: 'shadow set', shadow_items: 'items of shadow set',
  drift_runs: 'drift run', eval_runs: 'eval run', eval_run_items: 'items of eval run',
};

interface Sealed {
  readonly digest: OwnerDigest;
  readonly batch: BatchRow;
}

/** The newest sealed digest of every (table, owner), from the chain's `state` manifests in batch order. */
export function sealedDigests(batches: readonly BatchRow[]): Map<CoveredTable, Map<string, Sealed>> {
  const out = new Map<CoveredTable, Map<string, Sealed>>(COVERED_TABLE_NAMES.map((t) => [t, new Map()]));
  for (const batch of batches) {
    if (batch.state === null) continue;
    const manifest = StateManifestSchema.safeParse(JSON.parse(batch.state));
    if (!manifest.success) continue; // the batch hash covers `state`: an edit there is already a batch_altered finding
    for (const [table, owners] of Object.entries(manifest.data)) {
      for (const [owner, digest] of Object.entries(owners)) out.get(table as CoveredTable)?.set(owner, { digest, batch });
    }
  }
  return out;
}

/**
 * Recomputes the digest of every owner in every covered table and compares it with the newest
 * sealed one: a difference names the table, the record and the columns that changed. Rows no
 * chained event sealed are inserted findings, or, in a store with batches from before hash v2, a note.
 */
export async function stateFindings(store: Store, batches: readonly BatchRow[], legacy: boolean): Promise<{ findings: TamperFinding[]; unsealed: string[] }> {
  const sealed = sealedDigests(batches);
  const findings: TamperFinding[] = [];
  const unsealed: string[] = [];
  // A store from before a table existed, opened read-only, does not have it yet.
  const present = new Set((await store.all<{ table_name: string }>(`SELECT table_name FROM duckdb_tables() WHERE database_name <> 'temp'`)).map((t) => t.table_name));
  for (const table of COVERED_TABLE_NAMES) {
    if (!present.has(table)) continue;
    const live = await tableDigests(store, table);
    const base = { table, seq: null, item_id: null, labeler_id: null };
    for (const [owner, s] of sealed.get(table) ?? []) {
      const diff = digestDifference(s.digest, live.get(owner));
      if (diff.length === 0) continue;
      const gone = live.get(owner) === undefined;
      findings.push({
        ...base, kind: gone ? 'deleted' : 'edited', batch_id: s.batch.batch_id, gold_set: s.batch.gold_set, item_id: owner,
        message: gone
          ? `${table}: ${WHAT[table]} "${owner}" (sealed by batch ${s.batch.batch_id}) was deleted`
          : `${table}: ${WHAT[table]} "${owner}" (sealed by batch ${s.batch.batch_id}) was edited: ${diff.join(', ')} no longer match${diff.length === 1 ? 'es' : ''} the chain`,
      });
    }
    for (const owner of live.keys()) {
      if (sealed.get(table)?.has(owner) === true) continue;
      if (legacy) unsealed.push(`${table} "${owner}"`);
      else findings.push({ ...base, kind: 'inserted', batch_id: null, gold_set: table === 'gold_sets' || table === 'items' ? owner : null, item_id: owner, message: `${table}: ${WHAT[table]} "${owner}" was inserted outside Touchstone (no chained event wrote it)` });
    }
  }
  return { findings, unsealed };
}
