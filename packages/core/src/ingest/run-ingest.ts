import { createWriteStream, renameSync, rmSync, mkdirSync, type WriteStream } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DuckDBDataChunk, INTEGER } from '@duckdb/node-api';
import { DataError, formatDetail, type ErrorDetail } from '../errors/touchstone-error.js';
import { batchHash, GENESIS_HASH } from '../integrity/batch-hash.js';
import { merkleRootSql, rowHashSql } from '../integrity/row-hash.js';
import type { Store } from '../store/store.js';
import { coerceUntyped } from './coerce.js';
import { detectFormat, type InputFormat } from './detect-format.js';
import { applyFieldMap, type FieldMap } from './field-map.js';
import { fileSha256 } from './file-sha256.js';
import { readJsonArray } from './read-json-array.js';
import { readJsonl, readJsonlBatches } from './read-jsonl.js';
import { readTabular } from './read-tabular.js';
import type { RecordKind, StageValue } from './record-kind.js';
import { isParseError, type SourceRecord } from './source-record.js';
import { IMPORTER_VERSION } from './importer-version.js';
import type { IngestSummary } from './ingest-summary.js';

export interface IngestOptions {
  readonly file: string;
  readonly format?: InputFormat;
  readonly map?: FieldMap;
  readonly actor: string;
  /** Import valid records and quarantine invalid ones instead of rejecting the whole file. */
  readonly skipInvalid?: boolean;
  /** Where rejected records go with --skip-invalid; default `<file>.rejected.jsonl`. */
  readonly quarantineFile?: string;
  /** Values supplied for every record that lacks the field (for instance `labeled_at`), recorded in provenance. */
  readonly supplied?: Readonly<Record<string, string>>;
  /** Source records already read by an importer (Label Studio, Prodigy …); skips the file readers. */
  readonly records?: AsyncIterable<SourceRecord> | Iterable<SourceRecord>;
  /** Counted as read and skipped by an importer (cancelled or ignored work), reported in the summary. */
  readonly skipped?: number;
  /** The tool importer that produced `records` (label-studio, prodigy …), recorded as the batch's format. */
  readonly sourceFormat?: string;
}

export interface IngestTarget {
  readonly goldSet: string | null;
  readonly judge: string | null;
  /** Runs inside the transaction before rows are inserted (for instance: create the gold set). */
  readonly beforeInsert?: (batchId: number) => Promise<void>;
  /** Runs inside the transaction after rows are inserted (for instance: record item texts). */
  readonly afterInsert?: (batchId: number) => Promise<void>;
}

const MAX_REPORTED = 20;
const CHUNK = 2048;

/**
 * Reads a file of records of one kind into the store as one batch, all or nothing. Invalid records
 * reject the whole file (naming file, line, field and reason for the first 20) unless `skipInvalid`,
 * which quarantines them to JSONL. Always: read = accepted + rejected; duplicates are accepted but not stored twice.
 */
export async function runIngest(store: Store, kind: RecordKind, options: IngestOptions, target: IngestTarget): Promise<IngestSummary> {
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  const format: InputFormat = options.format ?? (options.records === undefined ? detectFormat(options.file) : 'json');
  const sha256 = await fileSha256(options.file);
  const stage = `stage_${kind.kind}`;
  const con = store.connection;
  await con.run(`DROP TABLE IF EXISTS temp.${stage}`);
  await con.run(`CREATE TEMP TABLE ${stage} (${kind.stageColumns.map((c) => `${c.name} ${c.type.toString()}`).join(', ')}, source_record INTEGER)`);

  const details: ErrorDetail[] = [];
  let read = options.skipped ?? 0;
  let rejected = 0;
  let staged = 0;
  const quarantinePath = options.quarantineFile ?? `${options.file}.rejected.jsonl`;
  const quarantineTemp = `${quarantinePath}.partial`;
  let quarantine: WriteStream | undefined;

  const types = [...kind.stageColumns.map((c) => c.type), INTEGER];
  const appender = await con.createAppender(stage, 'main', 'temp');
  let columns: StageValue[][] = types.map(() => []);
  const flush = (): void => {
    const n = columns[0]?.length ?? 0;
    if (n === 0) return;
    const chunk = DuckDBDataChunk.create(types, n);
    chunk.setColumns(columns);
    appender.appendDataChunk(chunk);
    columns = types.map(() => []);
  };

  try {
    const supplied = Object.entries(options.supplied ?? {});
    const map = options.map ?? {};
    const width = types.length;
    for await (const batch of sourceBatches(store, options, format)) {
      for (const source of batch) {
        read += 1;
        let reject: Omit<ErrorDetail, 'file' | 'line'> | undefined;
        let row: readonly StageValue[] | undefined;
        if (isParseError(source.value)) reject = { reason: source.value.parseError };
        else {
          let record = applyFieldMap(source.value, map);
          if (source.untyped) record = coerceUntyped(record, kind.numericFields);
          for (const [field, value] of supplied) {
            if (record[field] === undefined || record[field] === null || record[field] === '') record[field] = value;
          }
          const result = kind.stage(record);
          if ('reject' in result) reject = result.reject;
          else row = result.row;
        }
        if (reject !== undefined) {
          rejected += 1;
          const detail: ErrorDetail = { file: options.file, line: source.line, ...reject };
          if (details.length < MAX_REPORTED) details.push(detail);
          if (options.skipInvalid === true) {
            if (quarantine === undefined) {
              mkdirSync(dirname(quarantineTemp), { recursive: true });
              quarantine = createWriteStream(quarantineTemp);
            }
            quarantine.write(`${JSON.stringify({ line: source.line, field: reject.field ?? null, reason: reject.reason, record: source.value })}\n`);
          }
          continue;
        }
        if (row === undefined) continue;
        for (let i = 0; i < width - 1; i++) (columns[i] as StageValue[]).push(row[i] ?? null);
        (columns[width - 1] as StageValue[]).push(source.line);
        staged += 1;
        if ((columns[0]?.length ?? 0) >= CHUNK) flush();
      }
    }
    flush();
    appender.closeSync();
  } catch (error) {
    await closeQuietly(quarantine);
    rmSync(quarantineTemp, { force: true });
    await con.run(`DROP TABLE IF EXISTS temp.${stage}`);
    throw error;
  }
  await closeQuietly(quarantine);

  if (rejected > 0 && options.skipInvalid !== true) {
    rmSync(quarantineTemp, { force: true });
    await con.run(`DROP TABLE IF EXISTS temp.${stage}`);
    const more = rejected > details.length ? `\n  … and ${rejected - details.length} more` : '';
    throw new DataError(
      'INGEST_INVALID_RECORDS',
      `${options.file}: ${rejected} of ${read} records are invalid; nothing was imported (use --skip-invalid to import the valid ones and quarantine the rest)\n${details.map((d) => `  ${formatDetail(d)}`).join('\n')}${more}`,
      { details },
    );
  }

  // TOUCHSTONE_PROFILE=1 prints each phase's elapsed time to stderr (diagnostics for bench/).
  const T = (phase: string): void => {
    if (process.env['TOUCHSTONE_PROFILE'] === '1') process.stderr.write(`ingest phase ${phase}: ${Date.now() - t0} ms\n`);
  };
  T('staged');
  // Exact duplicates: every record after the first of its key within the file, and any record
  // identical to one already stored. Only their source_record numbers are kept (a small table).
  const key = kind.dedupeColumns.join(', ');
  await con.run(`CREATE OR REPLACE TEMP TABLE ${stage}_dup AS
    SELECT unnest(list_sort(list(source_record))[2:]) AS source_record FROM temp.${stage} GROUP BY ${key} HAVING count(*) > 1
    UNION SELECT s.source_record FROM temp.${stage} s WHERE ${kind.storedDuplicateSql}`);
  T('dedupe');
  try {
    const summary = await store.transaction(async () => {
      const head = await store.all<{ batch_id: number | null; hash: string | null }>({
        sql: `SELECT max(batch_id) AS batch_id, arg_max(hash, batch_id) AS hash FROM batches`,
        params: [],
      });
      const batchId = (head[0]?.batch_id ?? 0) + 1;
      const prevHash = head[0]?.hash ?? GENESIS_HASH;
      const seqRow = await store.all<{ next: number }>({ sql: `SELECT coalesce(max(seq), 0) + 1 AS next FROM ${kind.table}`, params: [] });
      const firstSeq = seqRow[0]?.next ?? 1;
      await target.beforeInsert?.(batchId);
      await con.run(`INSERT INTO ${kind.table} BY NAME
        SELECT *, ${rowHashSql(kind.table, 'x')} AS row_hash FROM (
          SELECT ${firstSeq} + row_number() OVER (ORDER BY s.source_record) - 1 AS seq, ${batchId} AS batch_id,
                 s.source_record, ${kind.insertSelectSql}
          FROM temp.${stage} s ANTI JOIN temp.${stage}_dup d USING (source_record)) x`);
      T('insert');
      const duplicates = (await store.all<{ n: number }>(`SELECT count(*) AS n FROM temp.${stage}_dup`))[0]?.n ?? 0;
      const inserted = staged - duplicates;
      await target.afterInsert?.(batchId);
      T('after');
      const root = await store.all<{ root: string }>({ sql: merkleRootSql(kind.table), params: [batchId] });
      const batch = {
        batch_id: batchId,
        kind: kind.kind,
        gold_set: target.goldSet,
        judge: target.judge,
        source_file: basename(options.file),
        source_sha256: sha256,
        format: options.sourceFormat ?? format,
        importer_version: IMPORTER_VERSION,
        actor: options.actor,
        started_at: startedAt,
        n_read: read,
        n_accepted: read - rejected - (options.skipped ?? 0),
        n_rejected: rejected,
        n_duplicates: duplicates,
        n_inserted: inserted,
        first_seq: inserted > 0 ? firstSeq : null,
        last_seq: inserted > 0 ? firstSeq + inserted - 1 : null,
        merkle_root: root[0]?.root ?? '',
        prev_hash: prevHash,
      };
      T('root');
      const hash = batchHash(batch);
      await store.run({
        sql: `INSERT INTO batches VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::TIMESTAMPTZ, now(), $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
        params: [
          batch.batch_id, batch.kind, batch.gold_set, batch.judge, batch.source_file, batch.source_sha256, batch.format,
          batch.importer_version, batch.actor, batch.started_at, batch.n_read, batch.n_accepted, batch.n_rejected,
          batch.n_duplicates, batch.n_inserted, JSON.stringify(options.map ?? {}), JSON.stringify(options.supplied ?? {}),
          batch.first_seq, batch.last_seq, batch.merkle_root, batch.prev_hash, hash,
        ],
      });
      return {
        batch_id: batchId,
        kind: kind.kind,
        gold_set: target.goldSet,
        judge: target.judge,
        file: options.file,
        sha256,
        format: options.sourceFormat ?? format,
        read,
        accepted: read - rejected - (options.skipped ?? 0),
        rejected,
        duplicates,
        inserted,
        skipped: options.skipped ?? 0,
        supplied: { ...(options.supplied ?? {}) },
        quarantine_file: rejected > 0 ? quarantinePath : null,
        staged,
      } satisfies IngestSummary;
    });
    T('commit');
    if (rejected > 0) renameSync(quarantineTemp, quarantinePath);
    return summary;
  } finally {
    await con.run(`DROP TABLE IF EXISTS temp.${stage}`);
    await con.run(`DROP TABLE IF EXISTS temp.${stage}_dup`);
    rmSync(quarantineTemp, { force: true });
  }
}

async function* sourceBatches(store: Store, options: IngestOptions, format: InputFormat): AsyncGenerator<readonly SourceRecord[]> {
  if (format === 'jsonl' && options.records === undefined) {
    yield* readJsonlBatches(options.file);
    return;
  }
  let single: AsyncIterable<SourceRecord> | Iterable<SourceRecord>;
  if (options.records !== undefined) single = options.records;
  else if (format === 'json') single = (await readJsonArray(options.file)).records;
  else if (format === 'jsonl') single = readJsonl(options.file);
  else single = readTabular(store.connection, options.file, format);
  let batch: SourceRecord[] = [];
  for await (const record of single) {
    batch.push(record);
    if (batch.length >= CHUNK) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function closeQuietly(stream: WriteStream | undefined): Promise<void> {
  return new Promise((resolve) => (stream === undefined ? resolve() : stream.end(() => resolve())));
}

