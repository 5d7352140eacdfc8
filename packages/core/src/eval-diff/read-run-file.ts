import type { DuckDBConnection } from '@duckdb/node-api';
import { DataError, formatDetail, type ErrorDetail } from '../errors/touchstone-error.js';
import { detectFormat, type InputFormat } from '../ingest/detect-format.js';
import { readJsonArray } from '../ingest/read-json-array.js';
import { readJsonl } from '../ingest/read-jsonl.js';
import { readTabular } from '../ingest/read-tabular.js';
import { isParseError, type SourceRecord } from '../ingest/source-record.js';
import { runMetrics, type EvalRun, type RunItem } from './eval-run.js';
import { parseRunRecord } from './run-record.js';

const MAX_REPORTED = 20;

export interface ReadRunOptions {
  readonly format?: InputFormat;
  /** Needed for CSV, TSV and Parquet (DuckDB reads them); any connection will do, an in-memory one too. */
  readonly connection?: DuckDBConnection;
  /** The name the run goes by in reports; default the file path. */
  readonly name?: string;
}

/**
 * Reads and validates a whole eval run file (JSONL, JSON array, CSV, TSV or Parquet). Every invalid
 * record, duplicated item_id, mixed pass/score use or conflicting gold_snapshot is collected; any
 * one of them rejects the file with a DataError naming file, line and field (nothing is returned half-read).
 */
export async function readRunFile(file: string, options: ReadRunOptions = {}): Promise<EvalRun> {
  const format = options.format ?? detectFormat(file);
  const details: ErrorDetail[] = [];
  let problems = 0;
  const reject = (line: number, field: string | undefined, reason: string): void => {
    problems += 1;
    if (details.length < MAX_REPORTED) details.push({ file, line, ...(field === undefined ? {} : { field }), reason });
  };
  const items: RunItem[] = [];
  const seen = new Map<string, number>();
  let snapshot: { tag: string; line: number } | undefined;
  let read = 0;
  for await (const source of records(file, format, options.connection)) {
    read += 1;
    if (isParseError(source.value)) {
      reject(source.line, source.value.parseErrorField, source.value.parseError);
      continue;
    }
    const parsed = parseRunRecord(source.value);
    if ('reject' in parsed) {
      reject(source.line, parsed.reject.field, parsed.reject.reason);
      continue;
    }
    const r = parsed.record;
    const first = seen.get(r.item_id);
    if (first !== undefined) {
      reject(source.line, 'item_id', `duplicate item_id "${r.item_id}" (first at line ${first}); a run has one outcome per item`);
      continue;
    }
    seen.set(r.item_id, source.line);
    if (r.gold_snapshot !== undefined) {
      if (snapshot === undefined) snapshot = { tag: r.gold_snapshot, line: source.line };
      else if (snapshot.tag !== r.gold_snapshot) {
        reject(source.line, 'gold_snapshot', `"${r.gold_snapshot}" differs from "${snapshot.tag}" at line ${snapshot.line}; one run is scored against one gold snapshot`);
      }
    }
    items.push({ item_id: r.item_id, slice: r.slice ?? null, pass: r.pass ?? null, score: r.score ?? null, line: source.line });
  }
  const metrics = runMetrics(items);
  if (problems === 0 && metrics.length === 0) mixedMetrics(items, reject);
  if (problems > 0) {
    const more = problems > details.length ? `\n  … and ${problems - details.length} more` : '';
    throw new DataError('RUN_INVALID_RECORDS', `${file}: ${problems} problem${problems === 1 ? '' : 's'} in ${read} records; the run was not read\n${details.map((d) => `  ${formatDetail(d)}`).join('\n')}${more}`, { details });
  }
  return { name: options.name ?? file, source: 'file', metrics, gold_set: null, gold_snapshot: snapshot?.tag ?? null, items };
}

/** Some records give only pass, others only score: name the first record that breaks the majority's choice. */
function mixedMetrics(items: readonly RunItem[], reject: (line: number, field: string, reason: string) => void): void {
  const withPass = items.filter((i) => i.pass !== null).length;
  const field = withPass >= items.length - withPass ? 'pass' : 'score';
  const odd = items.find((i) => (field === 'pass' ? i.pass === null : i.score === null));
  if (odd !== undefined) reject(odd.line, field, `missing, while ${field === 'pass' ? withPass : items.length - withPass} other records give ${field}; a run compares one metric, so give ${field} on every record`);
}

function records(file: string, format: InputFormat, connection: DuckDBConnection | undefined): AsyncIterable<SourceRecord> {
  if (format === 'jsonl') return readJsonl(file);
  if (format === 'json') {
    return (async function* () {
      yield* (await readJsonArray(file)).records;
    })();
  }
  if (connection === undefined) throw new DataError('RUN_NEEDS_DUCKDB', `${file}: reading ${format} needs a DuckDB connection`);
  return readTabular(connection, file, format);
}
