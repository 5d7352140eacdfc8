/** Traffic fields whose values make a record's content, as [user's field name, staged column SQL, stored column SQL]. */
const CONTENT = [
  ['timestamp', 's.ts::TIMESTAMPTZ', 'o.ts'],
  ['input', 's.input', 'o.input'],
  ['output', 's.output', 'o.output'],
  ['slice', 's.slice', 'o.slice'],
  ['judge_score', 's.judge_score', 'o.judge_score'],
  ['metadata', 's.metadata', 'o.metadata'],
  ['embedding', 's.embedding', 'o.embedding'],
] as const;

/** One staged traffic record whose id is already given, in the file or the store, with other content. */
export interface TrafficConflict {
  readonly stage_row: number;
  readonly source_record: number;
  readonly id: string;
  /** Comma-separated field names that differ. */
  readonly differs: string;
  /** The line/record number of the first record with that id in the file, or null when the stored row is the other one. */
  readonly first_record: number | null;
}

/**
 * SQL listing the staged traffic records (temp table or view `stage`) that reuse an id with other
 * content: a later record of the file against the first record of that id, and any record against
 * the stored row of that id (with `checkStored`). Exact copies are not listed (they are duplicates).
 * One row per staged record, in file order. (A window over `rowid` with QUALIFY crashes DuckDB 1.4
 * with an INTERNAL error on temp tables, hence the min(rowid) join.)
 */
export function trafficConflictSql(stage: string, check: { readonly inFile: boolean; readonly stored: boolean }): string {
  const first = CONTENT.map(([, s]) => s.replace('s.', 'f.'));
  const differs = (other: readonly string[]): string =>
    `concat_ws(', ', ${CONTENT.map(([name, s], i) => `CASE WHEN ${s} IS DISTINCT FROM ${other[i] ?? 'NULL'} THEN '${name}' END`).join(', ')})`;
  const inFile = `SELECT s.rowid AS stage_row, s.source_record, s.id, ${differs(first)} AS differs, f.source_record AS first_record
    FROM temp.${stage} s JOIN (SELECT id, min(rowid) AS first_row FROM temp.${stage} GROUP BY id) m ON m.id = s.id AND m.first_row < s.rowid
      JOIN temp.${stage} f ON f.rowid = m.first_row`;
  const stored = `SELECT s.rowid AS stage_row, s.source_record, s.id, ${differs(CONTENT.map(([, , o]) => o))} AS differs, NULL AS first_record
    FROM temp.${stage} s JOIN (SELECT id, min(seq) AS first_seq FROM traffic GROUP BY id) m ON m.id = s.id JOIN traffic o ON o.seq = m.first_seq`;
  // One row per staged record: against the file's first record if it differs from that, else against the stored row.
  return `SELECT stage_row::INTEGER AS stage_row, any_value(source_record)::INTEGER AS source_record, any_value(id) AS id,
      arg_max(differs, coalesce(first_record, 0)) AS differs, max(first_record)::INTEGER AS first_record
    FROM (${[...(check.inFile ? [inFile] : []), ...(check.stored ? [stored] : [])].join(' UNION ALL ') || `SELECT NULL::BIGINT AS stage_row, NULL::INTEGER AS source_record, NULL AS id, '' AS differs, NULL::INTEGER AS first_record`}) WHERE differs <> '' GROUP BY stage_row ORDER BY stage_row`;
}
