import { BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, VARCHAR, type DuckDBValue } from '@duckdb/node-api';
import { basename } from 'node:path';
import { ConfigError, StoreError } from '../errors/touchstone-error.js';
import { appendChainEvent } from '../integrity/chain-event.js';
import type { Store } from '../store/store.js';
import { EvalRunSummarySchema, RunItemSchema, runMetrics, type EvalRun, type EvalRunSummary } from './eval-run.js';
import { runSql } from './run-sql.js';

export interface RecordRunOptions {
  readonly name: string;
  readonly actor: string;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly format: string;
}

const NAME = /^[\w.\-+@/:]{1,200}$/;

/**
 * Stores a validated run under a new, immutable name (a run history: one name per evaluated
 * version, e.g. `main@3f2a1c`). The items are staged with an appender and copied in one transaction.
 * @throws ConfigError RUN_NAME (bad name) or RUN_EXISTS (the name is taken)
 */
export async function recordRun(store: Store, run: EvalRun, options: RecordRunOptions): Promise<EvalRunSummary> {
  if (!NAME.test(options.name)) throw new ConfigError('RUN_NAME', `--name "${options.name}": use letters, digits and . _ - + @ / : (at most 200)`);
  if ((await findRunRow(store, options.name)) !== undefined) {
    throw new ConfigError('RUN_EXISTS', `a run named "${options.name}" is already recorded; run names are immutable, pick another (for example with the commit hash)`);
  }
  const metric = run.metrics[0] ?? 'pass';
  const passes = run.items.filter((i) => i.pass !== null);
  const scores = run.items.flatMap((i) => (i.score === null ? [] : [i.score]));
  const stage = `eval_run_stage_${process.pid}_${Date.now()}`;
  const con = store.connection;
  await con.run(`CREATE TEMP TABLE ${stage} (item_id VARCHAR, slice VARCHAR, pass BOOLEAN, score DOUBLE, source_record INTEGER)`);
  try {
    const appender = await con.createAppender(stage, 'main', 'temp');
    const types = [VARCHAR, VARCHAR, BOOLEAN, DOUBLE, INTEGER];
    for (let start = 0; start < run.items.length; start += 2048) {
      const rows = run.items.slice(start, start + 2048);
      const columns: DuckDBValue[][] = [rows.map((r) => r.item_id), rows.map((r) => r.slice), rows.map((r) => r.pass), rows.map((r) => r.score), rows.map((r) => r.line)];
      const chunk = DuckDBDataChunk.create(types, rows.length);
      chunk.setColumns(columns);
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
    await store.transaction(async () => {
      await store.run(runSql.insertRun({
        name: options.name,
        metric,
        gold_set: run.gold_set,
        gold_snapshot: run.gold_snapshot,
        n_items: run.items.length,
        n_slices: new Set(run.items.map((i) => i.slice).filter((s) => s !== null)).size,
        pass_rate: passes.length === run.items.length && passes.length > 0 ? passes.filter((i) => i.pass === true).length / passes.length : null,
        mean_score: scores.length === run.items.length && scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        source_file: basename(options.sourceFile),
        source_sha256: options.sha256,
        format: options.format,
        actor: options.actor,
      }));
      await store.run(runSql.insertItems(options.name, stage));
      await appendChainEvent(store, {
        kind: 'eval_run', goldSet: run.gold_set, subject: options.name, actor: options.actor, rows: run.items.length,
        covers: [{ table: 'eval_runs', owner: options.name }, { table: 'eval_run_items', owner: options.name }],
      });
    });
  } finally {
    await con.run(`DROP TABLE IF EXISTS temp.${stage}`);
  }
  const row = await findRunRow(store, options.name);
  if (row === undefined) throw new StoreError('RUN_LOST', `run "${options.name}" was not stored`);
  return row;
}

/** Every recorded run, oldest first. */
export async function listRuns(store: Store): Promise<EvalRunSummary[]> {
  if (!(await hasRunTables(store))) return [];
  return (await store.all(runSql.list())).map((r) => EvalRunSummarySchema.parse(r));
}

/** The recorded run named `name` with its items, or undefined. */
export async function findRun(store: Store, name: string): Promise<EvalRun | undefined> {
  const row = await findRunRow(store, name);
  if (row === undefined) return undefined;
  const items = (await store.all(runSql.items(name))).map((r) => RunItemSchema.parse(r));
  const metrics = runMetrics(items);
  return { name, source: 'store', metrics: metrics.length > 0 ? metrics : [row.metric], gold_set: row.gold_set, gold_snapshot: row.gold_snapshot, items };
}

/** The recorded run named `name`, or a StoreError listing recent run names. */
export async function requireRun(store: Store, name: string, hint = ''): Promise<EvalRun> {
  const run = await findRun(store, name);
  if (run !== undefined) return run;
  const names = (await hasRunTables(store)) ? (await store.all<{ name: string }>(runSql.names())).map((r) => r.name) : [];
  throw new StoreError(
    'RUN_NOT_FOUND',
    `${hint}no run named "${name}" in ${store.path}${names.length > 0 ? `; recent runs: ${names.join(', ')}` : ' (no runs recorded yet: touchstone run record FILE --name NAME)'}`,
  );
}

async function findRunRow(store: Store, name: string): Promise<EvalRunSummary | undefined> {
  if (!(await hasRunTables(store))) return undefined;
  const row = (await store.all(runSql.find(name)))[0];
  return row === undefined ? undefined : EvalRunSummarySchema.parse(row);
}

async function hasRunTables(store: Store): Promise<boolean> {
  return ((await store.all<{ n: number }>(runSql.tablesExist()))[0]?.n ?? 0) === 2;
}
