import { rowHashSql, type HashedTable } from './row-hash.js';

/** Columns that name a row in a finding: gold set, item (or request id) and labeler (or judge). */
function describeColumns(table: HashedTable, a: string): string {
  if (table === 'traffic') return `NULL::VARCHAR AS gold_set, ${a}.id AS item_id, NULL::VARCHAR AS labeler_id`;
  return `${a}.gold_set, ${a}.item_id, ${a}.${table === 'labels' ? 'labeler_id' : 'judge'} AS labeler_id`;
}

/** Seq numbers a batch committed that are no longer in the table: deleted rows. */
export function deletedRowsSql(table: HashedTable): string {
  return `SELECT b.batch_id, s.seq, b.gold_set FROM batches b, generate_series(b.first_seq, b.last_seq) AS s(seq)
    WHERE b.kind = '${table === 'judge_scores' ? 'judge' : table}' AND b.first_seq IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.seq = s.seq)
    ORDER BY s.seq`;
}

/**
 * Every row that is not as an ingest left it, with why: `edited` when its stored hash no longer matches
 * its content; `inserted` when no batch committed it (unknown batch, seq outside its batch's range, or
 * a second row with a taken seq, the copy whose hash fails counting as the second). Each row's hash is
 * recomputed once.
 */
export function rowFindingsSql(table: HashedTable): string {
  const kind = table === 'judge_scores' ? 'judge' : table;
  return `WITH h AS (SELECT *, row_hash = ${rowHashSql(table)} AS ok FROM ${table}),
    c AS (SELECT *, row_number() OVER (PARTITION BY seq ORDER BY ok DESC) AS copy FROM h)
    SELECT t.seq, t.batch_id, ${describeColumns(table, 't')}, NOT t.ok AS edited,
      (b.batch_id IS NULL OR t.seq < b.first_seq OR t.seq > b.last_seq OR b.first_seq IS NULL OR t.copy > 1) AS inserted
    FROM c t LEFT JOIN batches b ON b.batch_id = t.batch_id AND b.kind = '${kind}'
    WHERE NOT t.ok OR b.batch_id IS NULL OR t.seq < b.first_seq OR t.seq > b.last_seq OR b.first_seq IS NULL OR t.copy > 1
    ORDER BY t.seq`;
}
