import type { DuckDBConnection } from '@duckdb/node-api';

/** The temp tables DuckDB's CSV reader writes the rows it skips to (`store_rejects`), on the reading connection. */
export const REJECTS_TABLE = 'touchstone_csv_rejects';
export const REJECT_SCANS_TABLE = 'touchstone_csv_reject_scans';

export interface CsvReject {
  /** 1-based line of the file (DuckDB's count, exact also after quoted line breaks). */
  readonly line: number;
  readonly reason: string;
}

/**
 * Runs `scanSql` (a CSV scan with `store_rejects` into the tables above) once over every column, and
 * returns the rows it kept and the lines it skipped, one reason each, in line order. Every column is
 * read: DuckDB checks a field's UTF-8 only when the field is read, so `count(*)` alone would keep a
 * line that is not UTF-8.
 */
export async function scanCsvRejects(connection: DuckDBConnection, scanSql: string, names: readonly string[]): Promise<{ kept: number; rejects: CsvReject[] }> {
  await dropRejectTables(connection);
  try {
    const every = names.map((_, i) => `count(c${i})`).join(' + ');
    const aliases = names.map((_, i) => `c${i}`).join(', ');
    const counted = await connection.runAndReadAll(`SELECT count(*) AS n, ${every} AS cells FROM ${scanSql} AS t(${aliases})`);
    const kept = Number(counted.getRowObjectsJS()[0]?.['n'] ?? 0);
    const rows = await connection.runAndReadAll(`SELECT DISTINCT ON (line) line::DOUBLE AS line, error_type::VARCHAR AS type, error_message AS message FROM ${REJECTS_TABLE} ORDER BY line, error_type`);
    const rejects = rows.getRowObjectsJS().map((r) => ({ line: Number(r['line']), reason: rejectReason(String(r['type']), String(r['message']), names.length) }));
    return { kept, rejects };
  } finally {
    await dropRejectTables(connection);
  }
}

/** DuckDB's reject as a reason a user can act on. */
export function rejectReason(type: string, message: string, headerFields: number): string {
  const found = /Found: (\d+)/.exec(message)?.[1];
  if ((type === 'TOO MANY COLUMNS' || type === 'MISSING COLUMNS') && found !== undefined) return `${found} field${found === '1' ? '' : 's'}, header has ${headerFields}`;
  if (type === 'INVALID ENCODING') return 'the bytes of this line are not UTF-8 (save the file as UTF-8)';
  if (type === 'UNQUOTED VALUE') return 'a stray or unclosed quote (quote whole fields and double the quotes inside them: "say ""hi""")';
  return `${type.toLowerCase()}: ${message.split('\n')[0] ?? ''}`;
}

async function dropRejectTables(connection: DuckDBConnection): Promise<void> {
  for (const table of [REJECTS_TABLE, REJECT_SCANS_TABLE]) await connection.run(`DROP TABLE IF EXISTS ${table}`);
}
