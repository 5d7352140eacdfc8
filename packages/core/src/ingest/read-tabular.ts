import type { DuckDBConnection } from '@duckdb/node-api';
import { DataError } from '../errors/touchstone-error.js';
import { ident, literal } from '../store/sql.js';
import { readCsvHeader } from './csv-header.js';
import { REJECT_SCANS_TABLE, REJECTS_TABLE, scanCsvRejects, type CsvReject } from './csv-rejects.js';
import type { SourceRecord } from './source-record.js';

export type TabularFormat = 'csv' | 'tsv' | 'parquet';

/**
 * DuckDB's CSV/TSV reader with the header's own names and nothing sniffed, every column as text (we
 * validate ourselves). `strict` fails on the first bad line; `store` skips bad lines into the
 * reject tables; `skip` skips them.
 */
export function csvScanSql(file: string, format: 'csv' | 'tsv', names: readonly string[], mode: 'strict' | 'store' | 'skip'): string {
  const columns = names.map((n) => `${literal(n)}: 'VARCHAR'`).join(', ');
  const errors = mode === 'strict' ? '' : mode === 'skip' ? ', ignore_errors=true' : `, store_rejects=true, rejects_table='${REJECTS_TABLE}', rejects_scan='${REJECT_SCANS_TABLE}'`;
  return `read_csv(${literal(file)}, auto_detect=false, header=true, delim='${format === 'tsv' ? '\\t' : ','}', quote='"', escape='"', null_padding=false, columns={${columns}}${errors})`;
}

/** The DuckDB table function that reads the whole file, failing on any bad line (the staging path's reader). */
export async function tabularScanSql(file: string, format: TabularFormat): Promise<string> {
  if (format === 'parquet') return `read_parquet(${literal(file)})`;
  return csvScanSql(file, format, await readCsvHeader(file, format === 'tsv' ? '\t' : ','), 'strict');
}

/**
 * Streams a CSV/TSV/Parquet file through DuckDB's readers. A CSV/TSV line DuckDB cannot read (a row
 * with more or fewer fields than the header, bytes that are not UTF-8, a stray quote) becomes a parse
 * error on its own line, so it is rejected (or quarantined) and the rows around it are not blamed.
 * Line numbers of other rows are data-row positions + 1 (the header is line 1) counting those lines,
 * exact unless a quoted field spans lines; Parquet gives record numbers.
 */
export async function* readTabular(connection: DuckDBConnection, file: string, format: TabularFormat): AsyncGenerator<SourceRecord> {
  let scan: string;
  let select = '*';
  let expected: number;
  let rejects: readonly CsvReject[] = [];
  try {
    if (format === 'parquet') {
      const relation = `read_parquet(${literal(file)})`;
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
      select = parquetSelectList(described.getRowObjectsJS().map((d) => ({ name: String(d['column_name']), type: String(d['column_type']) })));
      scan = relation;
      expected = Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${scan}`)).getRowObjectsJS()[0]?.['n'] ?? -1);
    } else {
      const names = await readCsvHeader(file, format === 'tsv' ? '\t' : ',');
      const checked = await scanCsvRejects(connection, csvScanSql(file, format, names, 'store'), names);
      ({ rejects } = checked);
      expected = checked.kept;
      scan = csvScanSql(file, format, names, 'skip');
    }
  } catch (error) {
    throw error instanceof DataError ? error : readError(file, format, error);
  }
  if (expected + rejects.length === 0) throw new DataError('INGEST_EMPTY_FILE', `${file}: the file has no data rows`, { details: [{ file, reason: 'no records' }] });
  let result;
  try {
    result = await connection.stream(`SELECT ${select} FROM ${scan}`);
  } catch (error) {
    throw readError(file, format, error);
  }
  let line = format === 'parquet' ? 1 : 2;
  let delivered = 0;
  let r = 0;
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
      for (let bad = rejects[r]; bad !== undefined && bad.line <= line; bad = rejects[++r]) {
        if (bad.line === line) line += 1;
        yield { line: bad.line, untyped: true, value: { parseError: bad.reason } };
      }
      const value: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(row)) {
        if (v === null) continue;
        if (key.startsWith(RAW_TIME)) value[key.slice(RAW_TIME.length)] = v;
        else value[key] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? Number(v) : v;
      }
      yield format === 'parquet' ? { line, untyped: false, unit: 'record', value } : { line, untyped: true, value };
      line += 1;
      delivered += 1;
    }
  }
  for (const bad of rejects.slice(r)) yield { line: bad.line, untyped: true, value: { parseError: bad.reason } };
  // Nothing may be dropped silently: a stream can end early (for instance when another statement
  // runs on its connection), so the rows delivered must equal DuckDB's own count of the file.
  if (delivered !== expected) {
    throw new DataError('INGEST_SHORT_READ', `${file}: read ${delivered} of its ${expected} rows (the stream ended early); nothing was imported`, {
      details: [{ file, reason: `read ${delivered} of ${expected} rows` }],
    });
  }
}

const RAW_TIME = '__touchstone_raw_time__';
const TIME_TYPES = /^(DATE|TIMESTAMP(_S|_MS|_NS)?|TIMESTAMP WITH TIME ZONE)$/;

/**
 * Parquet columns as read, except that a date or timestamp a JS Date cannot hold (±infinity, years
 * past 9999: DuckDB's conversion throws for the whole chunk) comes as its text in a helper column, so
 * the record and field are rejected by name, not the whole file.
 */
function parquetSelectList(columns: readonly { name: string; type: string }[]): string {
  return columns.map(({ name, type }) => {
    const col = ident(name);
    if (!TIME_TYPES.test(type)) return col;
    const fits = `(isfinite(${col}) AND year(${col}) BETWEEN 1 AND 9999)`;
    return `CASE WHEN ${fits} THEN ${col} END AS ${col}, CASE WHEN NOT ${fits} THEN ${col}::VARCHAR END AS ${ident(RAW_TIME + name)}`;
  }).join(', ');
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
