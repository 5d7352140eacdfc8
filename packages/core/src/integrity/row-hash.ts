/**
 * Each stored row carries `row_hash`, the SHA-256 of a canonical JSON array of its fields. The
 * same expression computes it at ingest and recomputes it in `verify`, so an edit made behind
 * Touchstone's back (raw SQL on the DuckDB file) shows as a mismatch on that row.
 */
/*
 * Why SHA-256 per row inside DuckDB (issue 16, measured on 1M traffic rows): the hash is unkeyed, so
 * an attacker can always recompute a row's hash after editing it; what catches that is the Merkle
 * root in the chained batch hash. The leaves must therefore be a cryptographic hash of the content:
 * a 64-bit engine hash() under the root would let an edit be forged to collide. SHA-256 over blocks
 * of rows' text costs the same bytes plus a sort of wide strings (3.7–5.8 s CPU against 0.7–1.7 s
 * for the root over row hashes), and hashing in Node (OpenSSL, SHA-NI: 1.3 GB/s) loses to moving the
 * text out of DuckDB (3.5–5.5 s CPU against 2.4 s for json_array + sha256 in the engine). So the
 * scheme is unchanged and existing stores verify as before.
 */
export type HashedTable = 'labels' | 'traffic' | 'judge_scores';

const HASHED_FIELDS: Record<HashedTable, readonly string[]> = {
  labels: ['seq', 'gold_set', 'item_id', 'labeler_id', 'label_value', 'label_text', 'epoch_us(labeled_at)', 'slice', 'guideline_version', 'session_id', 'rationale', 'batch_id', 'source_record', 'source_ref'],
  traffic: ['seq', 'id', 'epoch_us(ts)', 'input', 'output', 'slice', 'judge_score', 'metadata', 'batch_id', 'source_record', 'source_ref'],
  judge_scores: ['seq', 'gold_set', 'item_id', 'judge', 'score_value', 'score_text', 'epoch_us(scored_at)', 'rationale', 'batch_id', 'source_record', 'source_ref'],
};

/**
 * Columns added after stores existed: hashed only when one of them is set, so rows stored before
 * them (all NULL) keep the hash they were stored with.
 */
const LATER_FIELDS: Record<HashedTable, readonly string[]> = {
  labels: ['metadata', 'trace_id', 'embedding'],
  traffic: ['embedding'],
  judge_scores: [],
};

/** SQL expression of a row's hash over the columns of `table` (optionally qualified by `alias`). */
export function rowHashSql(table: HashedTable, alias?: string): string {
  const q = (f: string): string => {
    if (alias === undefined) return f;
    const m = /^(\w+)\((\w+)\)$/.exec(f);
    return m === null ? `${alias}.${f}` : `${m[1]}(${alias}.${m[2]})`;
  };
  const base = HASHED_FIELDS[table].map(q).join(', ');
  const later = LATER_FIELDS[table].map(q);
  if (later.length === 0) return `sha256(json_array(${base})::VARCHAR)`;
  return `sha256(CASE WHEN ${later.map((f) => `${f} IS NULL`).join(' AND ')} THEN json_array(${base})::VARCHAR
    ELSE json_array(${base}, ${later.join(', ')})::VARCHAR END)`;
}

/**
 * Merkle root of a batch: row hashes in `seq` order are grouped 4,096 to a leaf, each leaf hashed,
 * and the leaf hashes hashed in order. Two levels keep every string DuckDB aggregates small.
 */
export function merkleRootSql(table: HashedTable): string {
  return `SELECT sha256(coalesce(string_agg(h, '' ORDER BY g), '')) AS root FROM (
    SELECT seq // 4096 AS g, sha256(string_agg(row_hash, '' ORDER BY seq)) AS h
    FROM ${table} WHERE batch_id = $1 GROUP BY g)`;
}
