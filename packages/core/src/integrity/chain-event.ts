import type { Store } from '../store/store.js';
import { IMPORTER_VERSION } from '../ingest/importer-version.js';
import { BATCH_HASH_VERSION, batchFieldTags, batchHashV2, CHAIN_HEAD_SQL, insertBatchSql, type BatchRow } from './batch-row.js';
import { GENESIS_HASH } from './batch-hash.js';
import type { Coverage } from './covered-tables.js';
import { stateManifest } from './state-manifest.js';

/** Kinds of chained events that are not ingests. */
export type ChainEventKind = 'snapshot' | 'shadow' | 'drift_run' | 'eval_run' | 'erase';

/** The chain's head: the next batch id and the hash the next batch links to. */
export async function chainHead(store: Store): Promise<{ next: number; prevHash: string }> {
  const head = (await store.all<{ batch_id: number | null; hash: string | null }>(CHAIN_HEAD_SQL))[0];
  return { next: (head?.batch_id ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
}

/** Fills in the state manifest, version and hash of a batch row, and inserts it. Run inside the transaction that wrote the rows. */
export async function sealBatch(store: Store, row: Omit<BatchRow, 'state' | 'hash_version' | 'field_tags' | 'hash'>, covers: readonly Coverage[]): Promise<BatchRow> {
  const state = covers.length === 0 ? null : JSON.stringify(await stateManifest(store, covers));
  const untagged = { ...row, state, hash_version: BATCH_HASH_VERSION };
  const unhashed = { ...untagged, field_tags: batchFieldTags(untagged) };
  const sealed: BatchRow = { ...unhashed, hash: batchHashV2(unhashed) };
  await store.run(insertBatchSql(sealed));
  return sealed;
}

export interface ChainEvent {
  readonly kind: ChainEventKind;
  readonly goldSet: string | null;
  /** What the event is about, shown where an ingest shows its file (a snapshot tag, a shadow id, …). */
  readonly subject: string;
  readonly actor: string;
  readonly startedAt?: string;
  /** Rows the event wrote (or erased). */
  readonly rows: number;
  readonly covers: readonly Coverage[];
  readonly detail?: unknown;
}

/**
 * Appends a non-ingest event to the batch chain, sealing the side-table rows it wrote. Call it
 * inside the transaction that wrote them, after writing them.
 */
export async function appendChainEvent(store: Store, e: ChainEvent): Promise<BatchRow> {
  const { next, prevHash } = await chainHead(store);
  const now = new Date().toISOString();
  return sealBatch(store, {
    batch_id: next, kind: e.kind, gold_set: e.goldSet, judge: null, source_file: e.subject, source_sha256: '', format: e.kind,
    importer_version: IMPORTER_VERSION, actor: e.actor, started_at: e.startedAt ?? now, finished_at: now,
    n_read: e.rows, n_accepted: e.rows, n_rejected: 0, n_duplicates: 0, n_inserted: e.rows, field_map: null, supplied: null,
    first_seq: null, last_seq: null, merkle_root: '', n_skipped: 0, skipped_reasons: null, labeler_map: null, detail: e.detail === undefined ? null : JSON.stringify(e.detail), prev_hash: prevHash,
  }, e.covers);
}
