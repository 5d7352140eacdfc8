import type { DuckDBConnection } from '@duckdb/node-api';
import { DataError } from '../errors/touchstone-error.js';
import { literal } from '../store/sql.js';
import type { SourceRecord } from './source-record.js';

export type TabularFormat = 'csv' | 'tsv' | 'parquet';

/** The DuckDB table function that reads a CSV/TSV (all columns as text, we validate ourselves) or Parquet file. */
export function tabularScanSql(file: string, format: TabularFormat): string {
  if (format === 'parquet') return `read_parquet(${literal(file)})`;
  const delim = format === 'tsv' ? `, delim='\\t'` : '';
  return `read_csv(${literal(file)}, all_varchar=true, header=true${delim}, quote='"', escape='"', null_padding=false)`;
}

/**
 * Streams a CSV/TSV/Parquet file through DuckDB's readers. Line numbers for CSV/TSV are data-row
 * positions + 1 (the header is line 1), exact unless a quoted field spans lines; Parquet gives record numbers.
 */
export async function* readTabular(connection: DuckDBConnection, file: string, format: TabularFormat): AsyncGenerator<SourceRecord> {
  let result;
  try {
    result = await connection.stream(`SELECT * FROM ${tabularScanSql(file, format)}`);
  } catch (error) {
    throw readError(file, format, error);
  }
  const offset = format === 'parquet' ? 1 : 2;
  let index = 0;
  let any = false;
  const rows = result.yieldRowObjectJs();
  for (;;) {
    let next: IteratorResult<Record<string, unknown>[]>;
    try {
      next = await rows.next();
    } catch (error) {
      throw readError(file, format, error);
    }
    if (next.done === true) break;
    for (const row of next.value) {
      any = true;
      const value: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(row)) {
        if (v === null) continue;
        value[key] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? Number(v) : v;
      }
      yield { line: index + offset, untyped: format !== 'parquet', value };
      index += 1;
    }
  }
  if (!any) throw new DataError('INGEST_EMPTY_FILE', `${file}: the file has no data rows`, { details: [{ file, reason: 'no records' }] });
  // Nothing may be dropped silently: a stream can end early (for instance when another statement
  // runs on its connection), so the rows delivered must equal DuckDB's own count of the file.
  const counted = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${tabularScanSql(file, format)}`);
  const total = Number(counted.getRowObjectsJS()[0]?.['n'] ?? -1);
  if (total !== index) {
    throw new DataError('INGEST_SHORT_READ', `${file}: read ${index} of its ${total} rows (the stream ended early); nothing was imported`, {
      details: [{ file, reason: `read ${index} of ${total} rows` }],
    });
  }
}

/**
 * DuckDB's reader error as file:line: reason. Its CSV errors start "CSV Error on Line: N" and give
 * the reason a few lines down; its "Original Line" is not always line N, so it is not quoted.
 */
function readError(file: string, format: string, error: unknown): DataError {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n');
  const at = /CSV Error on Line: (\d+)/.exec(lines[0] ?? '');
  const reason = at === null
    ? firstLine(error)
    : (lines.slice(1).find((l) => l.trim() !== '' && !/^(Original Line|Possible Solution)/.test(l)) ?? firstLine(error)).trim();
  const line = at === null ? undefined : Number(at[1]);
  return new DataError('INGEST_PARSE', `${file}${line === undefined ? '' : `:${line}`}: cannot read as ${format}: ${reason}`, {
    cause: error,
    details: [{ file, ...(line === undefined ? {} : { line }), reason }],
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}
