import type { Store } from '../store/store.js';
import { DDL } from '../store/ddl.js';
import type { TamperFinding } from './verify-report.js';

/** The views the code creates: name → body, read from the DDL. */
export function expectedViews(ddl: readonly string[] = DDL): Map<string, string> {
  const out = new Map<string, string>();
  for (const statement of ddl) {
    const m = /^CREATE OR REPLACE VIEW (\w+) AS\s+([\s\S]+)$/.exec(statement);
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], m[2]);
  }
  return out;
}

const finding = (message: string): TamperFinding => ({
  kind: 'schema_altered', table: 'catalog', batch_id: null, seq: null, gold_set: null, item_id: null, labeler_id: null, message,
});

/**
 * Compares the store's view definitions with the ones the code creates (DuckDB re-renders a view's
 * SQL, so the expected text is DuckDB's rendering of a temp view with the same body) and flags any
 * other view and any user-defined function or macro: a macro named `sha256` would shadow the
 * built-in every hash check calls.
 */
export async function catalogFindings(store: Store): Promise<TamperFinding[]> {
  const findings: TamperFinding[] = [];
  const fns = await store.all<{ function_name: string; function_type: string }>(
    `SELECT DISTINCT function_name, function_type FROM duckdb_functions() WHERE NOT internal AND database_name <> 'temp' ORDER BY function_name`,
  );
  for (const f of fns) findings.push(finding(`the store defines ${f.function_type} ${f.function_name}(), which Touchstone never creates: it can shadow a built-in that verify and the analyses rely on`));
  const stored = new Map((await store.all<{ view_name: string; sql: string }>(
    `SELECT view_name, sql FROM duckdb_views() WHERE NOT internal AND database_name <> 'temp'`,
  )).map((v) => [v.view_name, v.sql]));
  for (const [name, body] of expectedViews()) {
    const probe = `touchstone_expected_${name}`;
    await store.run(`CREATE OR REPLACE TEMP VIEW ${probe} AS ${body}`);
    const want = (await store.all<{ sql: string }>(`SELECT sql FROM duckdb_views() WHERE database_name = 'temp' AND view_name = '${probe}'`))[0]?.sql;
    await store.run(`DROP VIEW IF EXISTS temp.${probe}`);
    const have = stored.get(name);
    if (have === undefined) findings.push(finding(`view ${name} is missing`));
    else if (want === undefined || have.replace(/^CREATE VIEW \S+ AS /, '') !== want.replace(/^CREATE TEMP VIEW \S+ AS /, '')) {
      findings.push(finding(`view ${name} was redefined: it is now "${have}"`));
    }
    stored.delete(name);
  }
  for (const name of stored.keys()) findings.push(finding(`view ${name} is not one Touchstone creates`));
  return findings;
}
