import { renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { DataError, formatDetail, StoreError, type ErrorDetail } from '../errors/touchstone-error.js';
import { chainHead, sealBatch } from '../integrity/chain-event.js';
import type { Coverage } from '../integrity/covered-tables.js';
import { batchMerkleRoot } from '../integrity/batch-merkle-root.js';
import { rowHashSql } from '../integrity/row-hash.js';
import type { Store } from '../store/store.js';
import { detectFormat, type InputFormat } from './detect-format.js';
import type { FieldMap } from './field-map.js';
import { fileSha256 } from './file-sha256.js';
import { rejectIdConflicts } from './id-conflicts.js';
import { readJsonArray } from './read-json-array.js';
import { readJsonl, readJsonlBatches } from './read-jsonl.js';
import { readTabular } from './read-tabular.js';
import type { RecordKind } from './record-kind.js';
import type { SourceRecord } from './source-record.js';
import { dropStage } from './native/stage-native.js';
import { stageWithZod } from './stage-with-zod.js';
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
  /** Counted as read and skipped by an importer (cancelled or ignored work), reported in the summary and stored on the batch. */
  readonly skipped?: number;
  /** Why they were skipped, by reason (sums to `skipped`), stored on the batch. */
  readonly skippedReasons?: Readonly<Record<string, number>>;
  /** Labeler aliases (alias → canonical id) resolved before validation (`--labeler-map`); the ones used are stored on the batch. */
  readonly labelerMap?: Readonly<Record<string, string>>;
  /** Let DuckDB's JSON reader stage canonical JSONL when every record certainly passes (default true). */
  readonly native?: boolean;
  /** The tool importer that produced `records` (label-studio, prodigy …), recorded as the batch's format. */
  readonly sourceFormat?: string;
  /** Called as the ingest moves on: its phase, and the records read so far (counted as the zod path reads them; all of them once staged). */
  readonly onProgress?: (progress: { readonly phase: string; readonly read: number }) => void;
}

export interface IngestTarget {
  readonly goldSet: string | null;
  readonly judge: string | null;
  /** Runs inside the transaction before rows are inserted (for instance: create the gold set); `stage` is the batch's staging table. */
  readonly beforeInsert?: (batchId: number, stage: string) => Promise<void>;
  /** Runs inside the transaction after rows are inserted (for instance: record item texts from `stage`). */
  readonly afterInsert?: (batchId: number, stage: string) => Promise<void>;
  /** Side-table rows the batch writes (a gold set's row and items), sealed in its `state`. */
  readonly covers?: readonly Coverage[];
  /** Particulars recorded (and chained) in the batch's `detail`, read once the rows are staged (for instance: redaction counts). */
  readonly detail?: () => unknown;
}

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
  // Hashed while the file is staged (DuckDB reads on its own threads), awaited once staging is done.
  const sha256Pending = fileSha256(options.file);
  sha256Pending.catch(() => undefined);
  const stage = `stage_${kind.kind}`;
  const con = store.connection;
  await dropStage(store, stage);
  options.onProgress?.({ phase: 'staging', read: 0 });
  const nativeCount = options.records === undefined && options.native !== false && kind.nativeStage !== undefined && options.labelerMap === undefined
    ? await kind.nativeStage(store, { file: options.file, format, map: options.map ?? {}, supplied: options.supplied ?? {}, table: stage })
    : undefined;
  const quarantinePath = options.quarantineFile ?? `${options.file}.rejected.jsonl`;
  const quarantineTemp = `${quarantinePath}.partial`;
  const staging = nativeCount !== undefined
    ? { read: nativeCount, rejected: 0, staged: nativeCount, details: [] as ErrorDetail[], aliasesUsed: undefined }
    : await stageWithZod(store, kind, options, stage, quarantineTemp, sourceBatches(store, options, format));
  const sha256 = await sha256Pending;
  const read = staging.read + (options.skipped ?? 0);
  const { staged, details } = staging;
  let rejected = staging.rejected;

  if (rejected > 0 && options.skipInvalid !== true) {
    rmSync(quarantineTemp, { force: true });
    await dropStage(store, stage);
    const more = rejected > details.length ? `\n  … and ${rejected - details.length} more` : '';
    throw new DataError(
      'INGEST_INVALID_RECORDS',
      `${options.file}: ${rejected} of ${read} records are invalid; nothing was imported (use --skip-invalid to import the valid ones and quarantine the rest)\n${details.map((d) => `  ${formatDetail(d)}`).join('\n')}${more}`,
      { details },
    );
  }

  // TOUCHSTONE_PROFILE=1 prints each phase's elapsed time to stderr (diagnostics for bench/).
  const T = (phase: string): void => {
    if (process.env['TOUCHSTONE_PROFILE'] === '1') {
      const cpu = process.cpuUsage();
      process.stderr.write(`ingest phase ${phase}: ${Date.now() - t0} ms (process CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms)\n`);
    }
  };
  T('staged');
  // Everything so far ran on temp tables: a store opened with deferWrite is taken for writing only now.
  options.onProgress?.({ phase: 'waiting for the store', read });
  await store.acquire();
  options.onProgress?.({ phase: 'checking duplicates', read });
  T('acquired');
  // Exact duplicates: every record after the first of its key within the file, and any record
  // identical to one already stored. They are named by their staged row's rowid, never by
  // source_record: an importer stages several records from one export record (every annotation of a
  // Label Studio task has its task's record number), so a record number does not name one row.
  // The staging table is only appended to and updated in place, so its rowids are 0 … staged-1 in
  // staging order (file order, then the importer's order within an export record).
  const key = kind.dedupeColumns.join(', ');
  const tableEmpty = (await store.all(`SELECT 1 FROM ${kind.table} LIMIT 1`)).length === 0;
  // A file whose records all have their own id (the usual export) holds no duplicates or id
  // conflicts within itself: one count spares the grouping and self-join over every staged row.
  const ownIds = kind.idColumn !== undefined && (await store.all<{ own: boolean }>(
    `SELECT count(DISTINCT ${kind.idColumn}) = count(*) AS own FROM temp.${stage}`,
  ))[0]?.own === true;
  // Records reusing an id with other content are rejected (quarantined with --skip-invalid) and left out with the duplicates.
  const conflicts = kind.conflictSql === undefined || (ownIds && tableEmpty) ? 0 : (await rejectIdConflicts(store, kind.conflictSql(stage, { inFile: !ownIds, stored: !tableEmpty }), {
    file: options.file, stage, byRecord: format === 'json' || format === 'parquet', skipInvalid: options.skipInvalid === true, quarantineTemp,
  }).catch(async (error: unknown) => {
    rmSync(quarantineTemp, { force: true });
    await dropStage(store, stage);
    await store.run(`DROP TABLE IF EXISTS temp.${stage}_conflict`);
    throw error;
  })).n;
  rejected += conflicts;
  const excludedSql = [
    ...(ownIds ? [] : [`SELECT unnest(list_sort(list(rowid))[2:]) AS stage_row FROM temp.${stage} GROUP BY ${key} HAVING count(*) > 1`]),
    ...(tableEmpty ? [] : [`SELECT s.rowid AS stage_row FROM temp.${stage} s WHERE ${kind.storedDuplicateSql}`]),
    ...(conflicts === 0 ? [] : [`SELECT stage_row FROM temp.${stage}_conflict`]),
  ];
  await con.run(`CREATE OR REPLACE TEMP TABLE ${stage}_dup AS ${excludedSql.join(' UNION ') || 'SELECT NULL::BIGINT AS stage_row WHERE false'}`);
  T('dedupe');
  const [span] = await store.all<{ hi: number | null; dups: number }>(
    `SELECT max(rowid)::INTEGER AS hi, (SELECT count(*)::INTEGER FROM temp.${stage}_dup) AS dups FROM temp.${stage}`,
  );
  const excluded = span?.dups ?? 0;
  const duplicates = excluded - conflicts;
  const inserted = staged - excluded;
  // seq numbers are consecutive over the inserted rows in staging order; when every staged row is
  // inserted and the rowids are dense, seq follows the rowid and the sort behind row_number() is not needed.
  const direct = excluded === 0 && (staged === 0 || span?.hi === staged - 1);
  try {
    const summary = await store.transaction(async () => {
      const { next: batchId, prevHash } = await chainHead(store);
      const seqRow = await store.all<{ next: number }>({ sql: `SELECT coalesce(max(seq), 0) + 1 AS next FROM ${kind.table}`, params: [] });
      const firstSeq = seqRow[0]?.next ?? 1;
      await target.beforeInsert?.(batchId, `temp.${stage}`);
      options.onProgress?.({ phase: 'storing and hashing', read });
      const insert = await con.run(`INSERT INTO ${kind.table} BY NAME
        SELECT *, ${rowHashSql(kind.table, 'x')} AS row_hash FROM (
          SELECT ${direct ? `${firstSeq} + s.rowid` : `${firstSeq} + row_number() OVER (ORDER BY s.rowid) - 1`} AS seq,
                 ${batchId} AS batch_id, s.source_record, ${kind.insertSelectSql}
          FROM temp.${stage} s ${excluded === 0 ? '' : `ANTI JOIN temp.${stage}_dup d ON s.rowid = d.stage_row`}) x`);
      T('insert');
      // Reported counts are stored rows: a mismatch rolls the whole batch back.
      if (insert.rowsChanged !== inserted) {
        throw new StoreError('INGEST_COUNT_MISMATCH', `${options.file}: ${insert.rowsChanged} ${kind.kind} rows stored where ${staged} staged − ${duplicates} duplicates − ${conflicts} id conflicts = ${inserted} were expected; nothing was imported`);
      }
      await target.afterInsert?.(batchId, `temp.${stage}`);
      T('after');
      options.onProgress?.({ phase: 'sealing the batch', read });
      const root = await batchMerkleRoot(store, kind.table, batchId);
      T('root');
      await sealBatch(store, {
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
        finished_at: new Date().toISOString(),
        n_read: read,
        n_accepted: read - rejected - (options.skipped ?? 0),
        n_rejected: rejected,
        n_duplicates: duplicates,
        n_inserted: inserted,
        field_map: JSON.stringify(options.map ?? {}),
        supplied: JSON.stringify(options.supplied ?? {}),
        first_seq: inserted > 0 ? firstSeq : null,
        last_seq: inserted > 0 ? firstSeq + inserted - 1 : null,
        merkle_root: root,
        detail: target.detail === undefined ? null : JSON.stringify(target.detail()),
        prev_hash: prevHash,
        n_skipped: options.skipped ?? 0,
        skipped_reasons: options.skippedReasons === undefined || Object.keys(options.skippedReasons).length === 0 ? null : JSON.stringify(options.skippedReasons),
        labeler_map: staging.aliasesUsed === undefined || Object.keys(staging.aliasesUsed).length === 0 ? null : JSON.stringify(staging.aliasesUsed),
      }, target.covers ?? []);
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
        fast_path: nativeCount !== undefined,
        warnings: [],
      } satisfies IngestSummary;
    });
    T('commit');
    if (rejected > 0) renameSync(quarantineTemp, quarantinePath);
    return summary;
  } finally {
    await dropStage(store, stage);
    await store.run(`DROP TABLE IF EXISTS temp.${stage}_conflict`);
    rmSync(quarantineTemp, { force: true });
  }
}

async function* sourceBatches(store: Store, options: IngestOptions, format: InputFormat): AsyncGenerator<readonly SourceRecord[]> {
  if (format === 'jsonl' && options.records === undefined) {
    yield* readJsonlBatches(options.file);
    return;
  }
  // CSV/TSV/Parquet stream through DuckDB on a connection of their own: the appender and the other
  // statements of the ingest run on the store's connection, which would end a stream sharing it.
  const reader = format === 'csv' || format === 'tsv' || format === 'parquet' ? await store.connect() : undefined;
  try {
    let single: AsyncIterable<SourceRecord> | Iterable<SourceRecord>;
    if (options.records !== undefined) single = options.records;
    else if (format === 'json') single = (await readJsonArray(options.file)).records;
    else if (format === 'jsonl' || reader === undefined) single = readJsonl(options.file);
    else single = readTabular(reader, options.file, format);
    let batch: SourceRecord[] = [];
    for await (const record of single) {
      batch.push(record);
      if (batch.length >= CHUNK) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    reader?.closeSync();
  }
}


