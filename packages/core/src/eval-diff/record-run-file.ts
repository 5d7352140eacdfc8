import { UsageError } from '../errors/touchstone-error.js';
import { requireGoldSet } from '../gold/gold-set.js';
import { requireSnapshot } from '../gold/snapshot.js';
import { detectFormat, type InputFormat } from '../ingest/detect-format.js';
import { fileSha256 } from '../ingest/file-sha256.js';
import type { Store } from '../store/store.js';
import type { EvalRunSummary } from './eval-run.js';
import { readRunFile } from './read-run-file.js';
import { recordRun } from './run-store.js';

export interface RecordRunFileOptions {
  readonly file: string;
  readonly name: string;
  readonly actor: string;
  readonly format?: InputFormat;
  /** The gold set the run was scored against; checked to exist (with the snapshot, when both are given). */
  readonly goldSet?: string;
  /** The gold snapshot tag; must agree with the records' gold_snapshot when they name one. */
  readonly goldSnapshot?: string;
}

/**
 * `touchstone run record`: reads and validates a run file, checks the gold set and snapshot it cites,
 * and stores it under a new name with the file's SHA-256.
 * @throws DataError on invalid records; UsageError RUN_SNAPSHOT_CONFLICT; ConfigError RUN_EXISTS; StoreError for an unknown gold set or snapshot
 */
export async function recordRunFile(store: Store, options: RecordRunFileOptions): Promise<EvalRunSummary> {
  const format = options.format ?? detectFormat(options.file);
  const run = await readRunFile(options.file, { format, connection: store.connection, name: options.name });
  if (options.goldSnapshot !== undefined && run.gold_snapshot !== null && run.gold_snapshot !== options.goldSnapshot) {
    throw new UsageError('RUN_SNAPSHOT_CONFLICT', `--gold-snapshot ${options.goldSnapshot} contradicts the records of ${options.file}, which name gold_snapshot "${run.gold_snapshot}"`);
  }
  const snapshot = options.goldSnapshot ?? run.gold_snapshot;
  if (options.goldSet !== undefined) {
    await requireGoldSet(store, options.goldSet);
    if (snapshot !== null) await requireSnapshot(store, options.goldSet, snapshot);
  }
  return recordRun(store, { ...run, gold_set: options.goldSet ?? null, gold_snapshot: snapshot }, {
    name: options.name,
    actor: options.actor,
    sourceFile: options.file,
    sha256: await fileSha256(options.file),
    format,
  });
}
