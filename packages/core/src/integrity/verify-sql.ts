import { rowHashSql, type HashedTable } from './row-hash.js';

/** Columns that name a row in a finding: gold set, item (or request id) and labeler (or judge). */
function describeColumns(table: HashedTable, a: string): string {
  if (table === 'traffic') return `NULL::VARCHAR AS gold_set, ${a}.id AS item_id, NULL::VARCHAR AS labeler_id`;
  return `${a}.gold_set, ${a}.item_id, ${a}.${table === 'labels' ? 'labeler_id' : 'judge'} AS labeler_id`;
}

/** Rows whose stored hash no longer matches their content: edited behind the tool's back. */
export function editedRowsSql(table: HashedTable): string {
  return `SELECT t.seq, t.batch_id, ${describeColumns(table, 't')} FROM ${table} t WHERE t.row_hash <> ${rowHashSql(table, 't')} ORDER BY t.seq`;
}

/** Seq numbers a batch committed that are no longer in the table: deleted rows. */
export function deletedRowsSql(table: HashedTable): string {
  return `SELECT b.batch_id, s.seq, b.gold_set FROM batches b, generate_series(b.first_seq, b.last_seq) AS s(seq)
    WHERE b.kind = '${table === 'judge_scores' ? 'judge' : table}' AND b.first_seq IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.seq = s.seq)
    ORDER BY s.seq`;
}

/** Rows no batch committed: unknown batch, seq outside their batch's range, or a second row with a taken seq. */
export function insertedRowsSql(table: HashedTable): string {
  const kind = table === 'judge_scores' ? 'judge' : table;
  return `SELECT t.seq, t.batch_id, ${describeColumns(table, 't')} FROM (
      SELECT *, row_number() OVER (PARTITION BY seq ORDER BY (row_hash = ${rowHashSql(table)}) DESC) AS copy FROM ${table}) t
    LEFT JOIN batches b ON b.batch_id = t.batch_id AND b.kind = '${kind}'
    WHERE b.batch_id IS NULL OR t.seq < b.first_seq OR t.seq > b.last_seq OR b.first_seq IS NULL OR t.copy > 1
    ORDER BY t.seq`;
}
