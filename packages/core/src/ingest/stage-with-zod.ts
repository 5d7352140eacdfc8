import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBDataChunk, INTEGER } from '@duckdb/node-api';
import type { ErrorDetail } from '../errors/touchstone-error.js';
import type { Store } from '../store/store.js';
import { coerceUntyped } from './coerce.js';
import { applyFieldMap } from './field-map.js';
import type { RecordKind, StageValue } from './record-kind.js';
import type { IngestOptions } from './run-ingest.js';
import { isParseError, type SourceRecord } from './source-record.js';

const MAX_REPORTED = 20;
const CHUNK = 2048;

export interface Staging {
  readonly read: number;
  readonly rejected: number;
  readonly staged: number;
  /** The first 20 rejections, each naming file, line, field and reason. */
  readonly details: ErrorDetail[];
  /** The labeler aliases resolved (alias → canonical id), when a labeler map was given. */
  readonly aliasesUsed: Record<string, string> | undefined;
}

/**
 * The line-by-line path: maps, coerces and validates (zod, through `kind.stage`) every record and
 * appends valid rows to the temp table `table` in chunks of 2,048 through DuckDB's appender.
 * With --skip-invalid, rejected records go with their reason to `quarantineTemp` (renamed by the
 * caller after commit). On any error the temp table and quarantine file are removed.
 */
export async function stageWithZod(
  store: Store,
  kind: RecordKind,
  options: IngestOptions,
  table: string,
  quarantineTemp: string,
  batches: AsyncIterable<readonly SourceRecord[]>,
): Promise<Staging> {
  const con = store.connection;
  await con.run(`CREATE TEMP TABLE ${table} (${kind.stageColumns.map((c) => `${c.name} ${c.type.toString()}`).join(', ')}, source_record INTEGER)`);
  const details: ErrorDetail[] = [];
  let read = 0;
  let rejected = 0;
  let staged = 0;
  let quarantine: WriteStream | undefined;
  const types = [...kind.stageColumns.map((c) => c.type), INTEGER];
  const width = types.length;
  const appender = await con.createAppender(table, 'main', 'temp');
  let columns: StageValue[][] = types.map(() => []);
  const flush = (): void => {
    const n = columns[0]?.length ?? 0;
    if (n === 0) return;
    const chunk = DuckDBDataChunk.create(types, n);
    chunk.setColumns(columns);
    appender.appendDataChunk(chunk);
    columns = types.map(() => []);
  };
  const supplied = Object.entries(options.supplied ?? {});
  const map = options.map ?? {};
  const aliases = options.labelerMap;
  const aliasesUsed: Record<string, string> | undefined = aliases === undefined ? undefined : {};
  try {
    for await (const batch of batches) {
      for (const source of batch) {
        read += 1;
        let reject: Omit<ErrorDetail, 'file' | 'line'> | undefined;
        let row: readonly StageValue[] | undefined;
        if (isParseError(source.value)) reject = { reason: source.value.parseError, ...(source.value.parseErrorField === undefined ? {} : { field: source.value.parseErrorField }) };
        else {
          let record = applyFieldMap(source.value, map);
          if (source.untyped) record = coerceUntyped(record, kind.numericFields);
          for (const [field, value] of supplied) {
            if (record[field] === undefined || record[field] === null || record[field] === '') record[field] = value;
          }
          if (aliases !== undefined && aliasesUsed !== undefined) {
            const alias = record['labeler_id'];
            const key = typeof alias === 'number' ? String(alias) : alias;
            if (typeof key === 'string' && Object.hasOwn(aliases, key)) {
              const canonical = aliases[key] as string;
              record['labeler_id'] = canonical;
              aliasesUsed[key] = canonical;
            }
          }
          const result = kind.stage(record);
          if ('reject' in result) reject = result.reject;
          else row = result.row;
        }
        if (reject !== undefined) {
          rejected += 1;
          const at = source.unit === 'record' ? { record: source.line } : { line: source.line };
          if (details.length < MAX_REPORTED) details.push({ file: options.file, ...at, ...reject });
          if (options.skipInvalid === true) {
            if (quarantine === undefined) {
              mkdirSync(dirname(quarantineTemp), { recursive: true });
              quarantine = createWriteStream(quarantineTemp);
            }
            quarantine.write(`${quarantineLine(source.line, source.unit === 'record', reject, source.value)}\n`);
          }
          continue;
        }
        if (row === undefined) continue;
        for (let i = 0; i < width - 1; i++) (columns[i] as StageValue[]).push(row[i] ?? null);
        (columns[width - 1] as StageValue[]).push(source.line);
        staged += 1;
        if ((columns[0]?.length ?? 0) >= CHUNK) flush();
      }
      options.onProgress?.({ phase: 'reading and validating', read });
    }
    flush();
    appender.closeSync();
  } catch (error) {
    await closeQuietly(quarantine);
    rmSync(quarantineTemp, { force: true });
    await con.run(`DROP TABLE IF EXISTS temp.${table}`);
    throw error;
  }
  await closeQuietly(quarantine);
  return { read, rejected, staged, details, aliasesUsed };
}

/** One quarantine line; a record too deeply nested to serialize again (JSON.parse has no depth limit, JSON.stringify has) is left out and said so. */
function quarantineLine(line: number, isRecord: boolean, reject: Omit<ErrorDetail, 'file' | 'line'>, record: SourceRecord['value']): string {
  const entry = { ...(isRecord ? { record_number: line } : { line }), field: reject.field ?? null, reason: reject.reason };
  try {
    return JSON.stringify({ ...entry, record });
  } catch {
    return JSON.stringify({ ...entry, record: null, record_omitted: 'nested too deeply to write back; see the line in the source file' });
  }
}

function closeQuietly(stream: WriteStream | undefined): Promise<void> {
  return new Promise((resolve) => (stream === undefined ? resolve() : stream.end(() => resolve())));
}
