import type { DuckDBType } from '@duckdb/node-api';
import type { ErrorDetail } from '../errors/touchstone-error.js';
import type { HashedTable } from '../integrity/row-hash.js';
import type { Store } from '../store/store.js';
import type { FieldMap } from './field-map.js';

/** A value staged for the store: text, number or null. */
export type StageValue = string | number | null;

/** The result of turning one mapped record into a staged row: the row, or why it was rejected. */
export type StageResult = { readonly row: readonly StageValue[] } | { readonly reject: Omit<ErrorDetail, 'file' | 'line'> };

/**
 * What differs between labels, traffic and judge scores. The engine in `run-ingest.ts` does the
 * rest identically for all three: read, map, validate, stage, de-duplicate, commit, chain.
 */
export interface RecordKind {
  readonly kind: 'labels' | 'traffic' | 'judge';
  readonly table: HashedTable;
  /** Field names a `--map` may name. */
  readonly fields: readonly string[];
  /** Fields that CSV/TSV text may be turned into numbers for. */
  readonly numericFields: readonly string[];
  /** Staging columns in row order (`source_record` is added by the engine). */
  readonly stageColumns: readonly { readonly name: string; readonly type: DuckDBType }[];
  /** Stage columns that make two records exact duplicates. */
  readonly dedupeColumns: readonly string[];
  /** A boolean SQL expression over staged row `s`: true when the store already holds an identical row. */
  readonly storedDuplicateSql: string;
  /**
   * Optional: SQL listing staged records (stage_row, source_record, id, differs, first_record) that reuse an id with other content,
   * within the file (`inFile`) and against the stored rows (`stored`); they are rejected (id-conflicts.ts).
   */
  readonly conflictSql?: (stage: string, check: { readonly inFile: boolean; readonly stored: boolean }) => string;
  /** Optional: a stage column among `dedupeColumns`; when no two staged rows share its value, the file holds no duplicates and no id conflicts within itself. */
  readonly idColumn?: string;
  /** SELECT list (over staged row `s`, with `seq` and `batch_id` available) producing the target table's columns by name. */
  readonly insertSelectSql: string;
  /** Validates one mapped record (zod) and returns its staged row. May normalize fields of `record` in place: it is the engine's own parsed copy. */
  stage(record: Record<string, unknown>): StageResult;
  /**
   * Optional fast path: stage the file (JSONL, CSV/TSV or Parquet, `format`) with DuckDB's readers into
   * temp table or view `table` (same columns + source_record) and return the record count, or
   * undefined to use `stage`.
   */
  readonly nativeStage?: (
    store: Store,
    args: { readonly file: string; readonly format: string; readonly map: FieldMap; readonly supplied: Readonly<Record<string, string>>; readonly table: string },
  ) => Promise<number | undefined>;
}
