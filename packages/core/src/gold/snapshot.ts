import { z } from 'zod';
import { ConfigError, StoreError } from '../errors/touchstone-error.js';
import type { Store } from '../store/store.js';
import { literal } from '../store/sql.js';
import { appendChainEvent } from '../integrity/chain-event.js';
import { requireGoldSet } from './gold-set.js';
import { labelsAsOfSql, type GuidelineExclusion } from './labels-as-of-sql.js';

export const SnapshotSchema = z.object({
  gold_set: z.string(),
  tag: z.string(),
  created_at: z.string(),
  actor: z.string(),
  max_seq: z.number(),
  excluded_labelers: z.array(z.string()),
  /** Items left out as only ever labeled under an older guideline version (gold snapshot --exclude-guideline); null: none. */
  excluded_guideline: z.object({ versions: z.array(z.string()), slice: z.string().nullable() }).nullable(),
  n_items: z.number(),
  n_labels: z.number(),
  /** SHA-256 over the row hashes of the snapshot's labels in seq order: what an eval run cites. */
  content_hash: z.string(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export interface SnapshotOptions {
  readonly goldSet: string;
  readonly tag: string;
  readonly actor: string;
  readonly excludeLabelers?: readonly string[];
  readonly excludeGuideline?: GuidelineExclusion | null;
}

/** Freezes the gold set's current labels (optionally without some labelers, or without the items only labeled under an old guideline) under a tag, with a content hash. */
export async function createSnapshot(store: Store, options: SnapshotOptions): Promise<Snapshot> {
  await requireGoldSet(store, options.goldSet);
  if (!/^[\w.\-+@]{1,100}$/.test(options.tag)) throw new ConfigError('SNAPSHOT_TAG', `--tag "${options.tag}": use letters, digits and . _ - + @ (at most 100)`);
  if ((await findSnapshot(store, options.goldSet, options.tag)) !== undefined) {
    throw new ConfigError('SNAPSHOT_EXISTS', `gold set "${options.goldSet}" already has a snapshot tagged "${options.tag}"; tags are immutable, pick another`);
  }
  const excluded = [...(options.excludeLabelers ?? [])].sort();
  const known = await store.all<{ labeler_id: string }>({ sql: `SELECT DISTINCT labeler_id FROM labels WHERE gold_set = $1`, params: [options.goldSet] });
  for (const id of excluded) {
    if (!known.some((k) => k.labeler_id === id)) throw new ConfigError('SNAPSHOT_LABELER', `--exclude-labeler ${id}: no such labeler in gold set "${options.goldSet}"`);
  }
  const guideline = options.excludeGuideline === undefined || options.excludeGuideline === null || options.excludeGuideline.versions.length === 0 ? null
    : { versions: [...options.excludeGuideline.versions].sort(), slice: options.excludeGuideline.slice };
  if (guideline !== null) await checkGuideline(store, options.goldSet, guideline);
  const maxSeq = (await store.all<{ m: number | null }>({ sql: `SELECT max(seq) AS m FROM labels WHERE gold_set = $1`, params: [options.goldSet] }))[0]?.m ?? 0;
  const view = labelsAsOfSql({ goldSet: options.goldSet, maxSeq, excludeLabelers: excluded, excludeGuideline: guideline });
  const stats = (await store.all<{ n_items: number; n_labels: number; content_hash: string }>(
    `SELECT count(DISTINCT item_id) AS n_items, count(*) AS n_labels, sha256(coalesce(string_agg(row_hash, '' ORDER BY seq), '')) AS content_hash FROM ${view}`,
  ))[0];
  if (stats === undefined) throw new StoreError('SNAPSHOT_EMPTY', 'could not compute the snapshot');
  await store.transaction(async () => {
    await store.run({
      sql: `INSERT INTO snapshots (gold_set, tag, created_at, actor, max_seq, excluded_labelers, n_items, n_labels, content_hash, excluded_guideline)
        VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9)`,
      params: [options.goldSet, options.tag, options.actor, maxSeq, JSON.stringify(excluded), stats.n_items, stats.n_labels, stats.content_hash, guideline === null ? null : JSON.stringify(guideline)],
    });
    await appendChainEvent(store, {
      kind: 'snapshot', goldSet: options.goldSet, subject: `${options.goldSet} @ ${options.tag}`, actor: options.actor, rows: 1,
      covers: [{ table: 'snapshots', owner: `${options.goldSet} @ ${options.tag}` }],
    });
  });
  const created = await findSnapshot(store, options.goldSet, options.tag);
  if (created === undefined) throw new StoreError('SNAPSHOT_LOST', 'snapshot was not stored');
  return created;
}

export async function findSnapshot(store: Store, goldSet: string, tag: string): Promise<Snapshot | undefined> {
  const rows = await store.all({ sql: `SELECT * FROM snapshots WHERE gold_set = $1 AND tag = $2`, params: [goldSet, tag] });
  const row = rows[0];
  return row === undefined ? undefined : parseRow(row);
}

function parseRow(row: Record<string, unknown>): Snapshot {
  const guideline = row['excluded_guideline'];
  return SnapshotSchema.parse({ ...row, excluded_labelers: JSON.parse(String(row['excluded_labelers'])) as unknown, excluded_guideline: guideline === null || guideline === undefined ? null : JSON.parse(String(guideline)) as unknown });
}

/** The versions and slice must exist in the gold set: a typo would silently exclude nothing. */
async function checkGuideline(store: Store, goldSet: string, g: GuidelineExclusion): Promise<void> {
  const versions = await store.all<{ v: string }>({ sql: `SELECT DISTINCT guideline_version AS v FROM labels WHERE gold_set = $1 AND guideline_version IS NOT NULL ORDER BY 1`, params: [goldSet] });
  for (const v of g.versions) {
    if (!versions.some((x) => x.v === v)) throw new ConfigError('SNAPSHOT_GUIDELINE', `--exclude-guideline ${v}: no label of gold set "${goldSet}" was made under it${versions.length > 0 ? ` (versions: ${versions.map((x) => x.v).join(', ')})` : ''}`);
  }
  if (g.slice === null) return;
  const slices = await store.all({ sql: `SELECT 1 FROM labels WHERE gold_set = $1 AND slice = $2 LIMIT 1`, params: [goldSet, g.slice] });
  if (slices.length === 0) throw new ConfigError('SNAPSHOT_SLICE', `--slice ${g.slice}: gold set "${goldSet}" has no such slice`);
}

export async function requireSnapshot(store: Store, goldSet: string, tag: string): Promise<Snapshot> {
  const found = await findSnapshot(store, goldSet, tag);
  if (found !== undefined) return found;
  const tags = await store.all<{ tag: string }>(`SELECT tag FROM snapshots WHERE gold_set = ${literal(goldSet)} ORDER BY created_at`);
  throw new StoreError('SNAPSHOT_NOT_FOUND', `gold set "${goldSet}" has no snapshot "${tag}"${tags.length > 0 ? `; snapshots: ${tags.map((t) => t.tag).join(', ')}` : ' (create one with touchstone gold snapshot)'}`);
}

export async function listSnapshots(store: Store, goldSet: string): Promise<Snapshot[]> {
  const rows = await store.all({ sql: `SELECT * FROM snapshots WHERE gold_set = $1 ORDER BY created_at, tag`, params: [goldSet] });
  return rows.map(parseRow);
}
