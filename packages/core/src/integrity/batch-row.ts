import { createHash } from 'node:crypto';
import { z } from 'zod';
import { sql, type Sql } from '../store/sql.js';

/**
 * One row of `batches`: an ingest (labels, traffic, judge) or another chained event (snapshot,
 * shadow set, drift run, eval run, erasure). Every column is listed here once; the v2 batch hash
 * covers exactly `BATCH_COLUMNS` minus `hash`, so a new column is one line in the schema and one
 * in `BATCH_COLUMNS` (and its DDL).
 */
export const BatchRowSchema = z.object({
  batch_id: z.number(),
  kind: z.string(),
  gold_set: z.string().nullable(),
  judge: z.string().nullable(),
  source_file: z.string(),
  source_sha256: z.string(),
  format: z.string(),
  importer_version: z.string(),
  actor: z.string(),
  started_at: z.string(),
  finished_at: z.string(),
  n_read: z.number(),
  n_accepted: z.number(),
  n_rejected: z.number(),
  n_duplicates: z.number(),
  n_inserted: z.number(),
  field_map: z.string().nullable(),
  supplied: z.string().nullable(),
  first_seq: z.number().nullable(),
  last_seq: z.number().nullable(),
  merkle_root: z.string(),
  /** Read but not imported (cancelled, ignored, other questions …): n_read = n_accepted + n_rejected + n_skipped. */
  n_skipped: z.number(),
  /** JSON object of skip reasons → counts, or null. */
  skipped_reasons: z.string().nullable(),
  /** JSON object of the labeler aliases this ingest resolved (alias → canonical id), or null. */
  labeler_map: z.string().nullable(),
  /** JSON digest of the side-table rows this event wrote or left (see state-manifest.ts); NULL before v2. */
  state: z.string().nullable(),
  /** JSON detail of a non-ingest event (an erasure's reason and rows); NULL otherwise. */
  detail: z.string().nullable(),
  /** 2 = hash over every column below; NULL = a v1 batch, hashed over the fields of batch-hash.ts. */
  hash_version: z.number().nullable(),
  /** 16 hex digits of SHA-256 per hashed column (JSON object), so verify can name the field an edit changed. */
  field_tags: z.string().nullable(),
  prev_hash: z.string(),
  hash: z.string(),
});
export type BatchRow = z.infer<typeof BatchRowSchema>;

const TIMESTAMPS = new Set(['started_at', 'finished_at']);

/** The columns of `batches` in hash order. Add a new batch column here (and to the schema above). */
export const BATCH_COLUMNS = [
  'batch_id', 'kind', 'gold_set', 'judge', 'source_file', 'source_sha256', 'format', 'importer_version', 'actor',
  'started_at', 'finished_at', 'n_read', 'n_accepted', 'n_rejected', 'n_duplicates', 'n_inserted', 'field_map',
  'supplied', 'first_seq', 'last_seq', 'merkle_root', 'n_skipped', 'skipped_reasons', 'labeler_map', 'state', 'detail', 'hash_version', 'field_tags', 'prev_hash', 'hash',
] as const satisfies readonly (keyof BatchRow)[];

export const BATCH_HASH_VERSION = 2;

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const TAGGED = BATCH_COLUMNS.filter((c) => c !== 'hash' && c !== 'field_tags');

/** v2 hash: SHA-256 of the canonical JSON array of every column but `hash` (timestamps as ISO strings, ms). */
export function batchHashV2(row: Omit<BatchRow, 'hash'>): string {
  return sha(JSON.stringify(BATCH_COLUMNS.filter((c) => c !== 'hash').map((c) => row[c])));
}

/** The diagnostic tags of a row's columns (the hash above, not these, is what proves integrity). */
export function batchFieldTags(row: Omit<BatchRow, 'hash' | 'field_tags'>): string {
  return JSON.stringify(Object.fromEntries(TAGGED.map((c) => [c, sha(JSON.stringify(row[c])).slice(0, 16)])));
}

/** Columns whose value no longer matches its tag: the fields an edit changed (empty when the tags were rewritten too). */
export function changedBatchFields(row: BatchRow): string[] {
  if (row.field_tags === null) return [];
  let tags: Record<string, unknown>;
  try {
    tags = JSON.parse(row.field_tags) as Record<string, unknown>;
  } catch {
    return ['field_tags'];
  }
  const now = JSON.parse(batchFieldTags(row)) as Record<string, string>;
  return TAGGED.filter((c) => tags[c] !== now[c]);
}

/** A stored batch row as plain values (timestamps normalized to ISO strings with milliseconds). */
export function parseBatchRow(raw: Record<string, unknown>): BatchRow {
  const row: Record<string, unknown> = { state: null, detail: null, hash_version: null, field_tags: null, skipped_reasons: null, labeler_map: null, ...raw };
  row['n_skipped'] = row['n_skipped'] ?? 0;
  for (const c of TIMESTAMPS) row[c] = new Date(String(row[c])).toISOString();
  return BatchRowSchema.parse(row);
}

/** INSERT of one batch row, columns named explicitly. */
export function insertBatchSql(row: BatchRow): Sql {
  const params = BATCH_COLUMNS.map((c) => row[c]);
  const values = BATCH_COLUMNS.map((c, i) => (TIMESTAMPS.has(c) ? `$${i + 1}::TIMESTAMPTZ` : `$${i + 1}`));
  return sql(`INSERT INTO batches (${BATCH_COLUMNS.join(', ')}) VALUES (${values.join(', ')})`, params);
}

/** SQL of the chain's head: the newest batch id and hash (NULLs on an empty store). */
export const CHAIN_HEAD_SQL = `SELECT max(batch_id) AS batch_id, arg_max(hash, batch_id) AS hash FROM batches`;
