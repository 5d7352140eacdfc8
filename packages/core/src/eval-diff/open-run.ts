import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DataError, StoreError } from '../errors/touchstone-error.js';
import type { InputFormat } from '../ingest/detect-format.js';
import type { Store } from '../store/store.js';
import type { EvalRun } from './eval-run.js';
import { readRunFile } from './read-run-file.js';
import { requireRun } from './run-store.js';

const FILE_EXTENSIONS = new Set(['.jsonl', '.ndjson', '.json', '.csv', '.tsv', '.tab', '.parquet', '.pq']);

export interface OpenRunOptions {
  readonly cwd: string;
  /** 'baseline' or 'candidate', for messages. */
  readonly role: string;
  readonly format?: InputFormat;
  /** The store holding recorded runs; undefined when there is none (then only files are accepted). */
  readonly store?: Store;
  /** Where the store would be, for the message when there is none. */
  readonly storePath?: string;
  /** A DuckDB connection for CSV/TSV/Parquet files (the store's, or an in-memory one). */
  readonly connection: Store['connection'];
}

/**
 * A diff argument: an existing file is read as a run; anything else is a recorded run's name.
 * A missing path with a run-file extension is a missing file, not a run name.
 * @throws DataError INPUT_NO_FILE / RUN_INVALID_RECORDS; StoreError RUN_NOT_FOUND
 */
export async function openRun(arg: string, options: OpenRunOptions): Promise<EvalRun> {
  const full = resolve(options.cwd, arg);
  if (existsSync(full) && statSync(full).isFile()) {
    return readRunFile(full, { name: arg, connection: options.connection, ...(options.format === undefined ? {} : { format: options.format }) });
  }
  if (FILE_EXTENSIONS.has(extname(arg).toLowerCase()) || existsSync(full)) {
    throw new DataError('INPUT_NO_FILE', `${options.role} ${arg}: no such file`, { details: [{ file: arg, reason: 'no such file' }] });
  }
  if (options.store === undefined) {
    throw new StoreError('RUN_NOT_FOUND', `${options.role} "${arg}": no such file, and no store${options.storePath === undefined ? '' : ` at ${options.storePath}`} holds recorded runs (record one with touchstone run record FILE --name NAME, or pass --db)`);
  }
  return requireRun(options.store, arg, `${options.role} "${arg}": no such file, and `);
}
