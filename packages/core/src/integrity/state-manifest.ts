import { z } from 'zod';
import type { Store } from '../store/store.js';
import { sql, type Sql } from '../store/sql.js';
import { COVERED_TABLES, type Coverage, type CoveredTable } from './covered-tables.js';

/** The digest of one owner's rows in one table: how many, and one SHA-256 per column over the rows in order. */
export const OwnerDigestSchema = z.object({ n: z.number(), columns: z.record(z.string(), z.string()) });
export type OwnerDigest = z.infer<typeof OwnerDigestSchema>;

/** What a chained event sealed: table → owner → digest. Stored as JSON in `batches.state`. */
export const StateManifestSchema = z.record(z.string(), z.record(z.string(), OwnerDigestSchema));
export type StateManifest = z.infer<typeof StateManifestSchema>;

/**
 * Per-owner digests of `table`, for every owner or only `owner`. Each column is rendered with
 * `json_array(c)::VARCHAR` (NULL as [null], timestamps in the store's UTC) and the rows joined by
 * newlines, which JSON text never contains unescaped, so no two contents render alike.
 */
export function ownerDigestSql(table: CoveredTable, owner?: string): Sql {
  const spec = COVERED_TABLES[table];
  const cols = spec.columns.map((c) => `sha256(string_agg(json_array(${c})::VARCHAR, chr(10) ORDER BY ${spec.order})) AS "${c}"`);
  return sql(
    `SELECT ${spec.owner} AS owner, count(*) AS n, ${cols.join(', ')} FROM ${table}${owner === undefined ? '' : ` WHERE ${spec.owner} = $1`} GROUP BY ${spec.owner}`,
    owner === undefined ? [] : [owner],
  );
}

function toDigest(table: CoveredTable, row: Record<string, unknown>): OwnerDigest {
  const columns: Record<string, string> = {};
  for (const c of COVERED_TABLES[table].columns) columns[c] = String(row[c]);
  return { n: Number(row['n']), columns };
}

/** Live digests of every owner of `table`. */
export async function tableDigests(store: Store, table: CoveredTable): Promise<Map<string, OwnerDigest>> {
  const rows = await store.all(ownerDigestSql(table));
  return new Map(rows.map((r) => [String(r['owner']), toDigest(table, r)]));
}

/** The manifest an event seals for `covers` (an owner with no rows is sealed as n = 0). */
export async function stateManifest(store: Store, covers: readonly Coverage[]): Promise<StateManifest> {
  const out: StateManifest = {};
  for (const c of covers) {
    const row = (await store.all(ownerDigestSql(c.table, c.owner)))[0];
    (out[c.table] ??= {})[c.owner] = row === undefined ? { n: 0, columns: {} } : toDigest(c.table, row);
  }
  return out;
}

/** Names the columns whose digests differ (or the row count), for a finding's message. */
export function digestDifference(sealed: OwnerDigest, live: OwnerDigest | undefined): string[] {
  if (live === undefined) return sealed.n === 0 ? [] : ['all rows deleted'];
  const diff: string[] = [];
  if (sealed.n !== live.n) diff.push(`row count ${sealed.n} → ${live.n}`);
  for (const [c, h] of Object.entries(sealed.columns)) if (live.columns[c] !== h) diff.push(c);
  return diff;
}
