import { DuckDBInstance } from '@duckdb/node-api';
import { DataError } from '../errors/touchstone-error.js';
import { detectFormat } from '../ingest/detect-format.js';
import { readJsonArray } from '../ingest/read-json-array.js';
import { readJsonl } from '../ingest/read-jsonl.js';
import { readTabular } from '../ingest/read-tabular.js';
import { isParseError, type SourceRecord } from '../ingest/source-record.js';
import { isPlainObject } from './source-fields.js';

/** An export file opened for (repeated) reading: each call of `records()` reads it from the start. */
export interface ExportFile {
  readonly file: string;
  readonly format: 'json' | 'jsonl' | 'csv' | 'tsv';
  records(): AsyncIterable<SourceRecord>;
  /** Up to `n` parsed records from the start, for detection. */
  sample(n: number): Promise<Record<string, unknown>[]>;
}

/**
 * Opens a tool's export: a JSON array (Label Studio, Argilla), an API page `{data: […], meta}`
 * (Langfuse, LangSmith), one JSON object (an OTLP request, a Langfuse trace download), JSONL
 * (Prodigy, blob-storage and Collector file exports), or CSV/TSV (Label Studio's CSV export, read
 * through DuckDB's CSV reader in a private in-memory database, all cells as text). Record numbers
 * are 1-based array positions, JSONL lines, or CSV lines (header = line 1). JSON and CSV are read
 * once and kept; JSONL is streamed on every pass.
 */
export async function openExport(file: string): Promise<ExportFile> {
  const format = detectFormat(file);
  if (format === 'jsonl') {
    return {
      file,
      format,
      records: () => readJsonl(file),
      async sample(n) {
        const out: Record<string, unknown>[] = [];
        for await (const r of readJsonl(file)) {
          if (!isParseError(r.value)) out.push(r.value);
          if (out.length >= n) break;
        }
        return out;
      },
    };
  }
  if (format === 'csv' || format === 'tsv') {
    const records = await readCsv(file, format);
    return { file, format, records: () => toAsync(records), sample: (n) => Promise.resolve(records.slice(0, n).flatMap((r) => (isParseError(r.value) ? [] : [r.value]))) };
  }
  if (format !== 'json') {
    throw new DataError('IMPORT_NOT_JSON', `${file}: tool exports are read from JSON, JSONL or CSV; this file looks like ${format}`, { details: [{ file, reason: `${format}, not JSON` }] });
  }
  const { records: list, raw } = await readJsonArray(file);
  const page = isPlainObject(raw) && Array.isArray(raw['data']) ? (raw['data'] as unknown[]) : undefined;
  const records: SourceRecord[] = page === undefined ? list : page.map((value, i): SourceRecord => ({
    line: i + 1,
    unit: 'record',
    untyped: false,
    value: isPlainObject(value) ? value : { parseError: 'expected a JSON object' },
  }));
  return {
    file,
    format,
    records: () => toAsync(records),
    sample: (n) => Promise.resolve(records.slice(0, n).flatMap((r) => (isParseError(r.value) ? [] : [r.value]))),
  };
}

async function readCsv(file: string, format: 'csv' | 'tsv'): Promise<SourceRecord[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const out: SourceRecord[] = [];
    for await (const r of readTabular(connection, file, format)) out.push(r);
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
