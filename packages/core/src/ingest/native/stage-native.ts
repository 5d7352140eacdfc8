import type { Store } from '../../store/store.js';
import { nativeSource, type NativeFormat, type NativeSource } from './native-source.js';
import { scanJsonl } from './scan-jsonl.js';

export const NATIVE_FORMATS: readonly string[] = ['jsonl', 'csv', 'tsv', 'parquet'] satisfies readonly NativeFormat[];

/**
 * Stages a traffic or judge file with DuckDB's readers in one pass: `build` returns the SQL that
 * reads it into temp table `<table>_read` with the staged columns and `_valid` (the SQL mirror of
 * the zod rules). When every record is valid, `table` becomes a view adding `source_record` (the
 * line or record number: a single-table SELECT into a table keeps file order, and `rowid` is that
 * order; the view also names `rowid` a column, since run-ingest.ts names staged rows by rowid and a view
 * has none) and the record count is returned; otherwise undefined, and the caller uses the zod path,
 * which names each rejected record. `afterValid` may rewrite the read table's rows in place (redaction). JSONL must also pass scan-jsonl.ts (no blank lines, nulls …).
 */
export async function stageNative(
  store: Store,
  args: { file: string; format: string; table: string; columns: readonly string[]; build: (source: NativeSource, table: string) => string; afterValid?: (read: string) => Promise<void> },
): Promise<number | undefined> {
  if (!NATIVE_FORMATS.includes(args.format)) return undefined;
  const format = args.format as NativeFormat;
  const read = `${args.table}_read`;
  let source: NativeSource | undefined;
  const readOk = await readWhileScanning(store, read, format === 'jsonl' ? args.file : undefined, async () => {
    source = await nativeSource(store, args.file, format, args.columns);
    await store.run(args.build(source, read));
  });
  if (!readOk || source === undefined) return undefined;
  const n = await validStagedCount(store, read);
  if (n === undefined) return undefined;
  await args.afterValid?.(read);
  await store.run(`CREATE OR REPLACE TEMP VIEW ${args.table} AS SELECT * EXCLUDE (_valid), rowid AS rowid, (rowid + ${source.firstLine})::INTEGER AS source_record FROM temp.${read}`);
  return n;
}

/**
 * Runs `readFile` (SQL reading a file into temp table `read`) while, for a JSONL file, the JS
 * eligibility scan (scan-jsonl.ts) reads the same file beside DuckDB's threads. True when both
 * succeed; otherwise `read` is dropped and the caller takes the zod path.
 */
export async function readWhileScanning(store: Store, read: string, jsonlFile: string | undefined, readFile: () => Promise<void>): Promise<boolean> {
  const scan = jsonlFile === undefined ? Promise.resolve({ eligible: true }) : scanJsonl(jsonlFile).catch(() => ({ eligible: false }));
  const readOk = await readFile().then(() => true, () => false);
  if ((await scan).eligible && readOk) return true;
  await store.run(`DROP TABLE IF EXISTS temp.${read}`);
  return false;
}

/**
 * The records read into temp table `read` when every one is valid (`_valid`) and there is at least
 * one; otherwise undefined, with the table dropped (the caller falls back to the zod path).
 */
export async function validStagedCount(store: Store, read: string): Promise<number | undefined> {
  const [count] = await store.all<{ n: number; bad: number }>(`SELECT count(*) AS n, count(*) FILTER (WHERE NOT _valid) AS bad FROM temp.${read}`);
  if (count !== undefined && count.bad === 0 && count.n > 0) return count.n;
  await store.run(`DROP TABLE IF EXISTS temp.${read}`);
  return undefined;
}

/** Drops a staging table or view and its helpers, whichever exist. */
export async function dropStage(store: Store, table: string): Promise<void> {
  for (const sql of [`DROP VIEW IF EXISTS temp.${table}`, `DROP TABLE IF EXISTS temp.${table}`, `DROP TABLE IF EXISTS temp.${table}_read`, `DROP TABLE IF EXISTS temp.${table}_dup`]) {
    await store.run(sql).catch(() => undefined);
  }
}
