import { DuckDBDataChunk, INTEGER, VARCHAR } from '@duckdb/node-api';
import { piiPrefilterSql } from '../../pii/pii-prefilter-sql.js';
import type { Store } from '../../store/store.js';

/**
 * Redacts traffic staged natively in temp table `read` (input, output, metadata values) the way
 * traffic-kind.ts redacts on the zod path: rows that could hold PII by the SQL prefilter (a
 * superset of the built-in rules' matches) are read out, redacted by `red` in JS, and written back
 * by rowid; every other row is provably left unchanged by the redactor and stays in the engine.
 */
export async function redactStaged(store: Store, read: string, red: (text: string) => string): Promise<void> {
  const metaValues = `array_to_string(json_extract_string(metadata, '$.*'), chr(10))`;
  const rows = await store.all<{ r: number; input: string; output: string | null; metadata: string | null }>(
    `SELECT rowid::INTEGER AS r, input, output, metadata FROM temp.${read}
     WHERE ${piiPrefilterSql('input')} OR ${piiPrefilterSql('output')} OR ${piiPrefilterSql(metaValues)}
     ORDER BY rowid`,
  );
  if (rows.length === 0) return;
  const fixed = `${read}_redacted`;
  await store.run(`CREATE OR REPLACE TEMP TABLE ${fixed} (r INTEGER, input VARCHAR, output VARCHAR, metadata VARCHAR)`);
  const appender = await store.connection.createAppender(fixed, 'main', 'temp');
  try {
    const columns: (number | string | null)[][] = [[], [], [], []];
    for (const row of rows) {
      // Native metadata text is JSON.stringify of a flat object of strings (traffic-native-sql.ts).
      // Metadata first, then input and output, as traffic-kind.ts does: the first hit of each rule
      // fixes the key order of the hit counts recorded (and chained) in the batch detail.
      const meta = row.metadata === null ? null : JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(row.metadata) as Record<string, string>).map(([k, v]) => [k, red(v)])));
      const values = [row.r, red(row.input), row.output === null ? null : red(row.output), meta];
      values.forEach((v, i) => columns[i]?.push(v));
    }
    const chunkRows = 2048;
    for (let start = 0; start < rows.length; start += chunkRows) {
      const n = Math.min(chunkRows, rows.length - start);
      const chunk = DuckDBDataChunk.create([INTEGER, VARCHAR, VARCHAR, VARCHAR], n);
      chunk.setColumns(columns.map((c) => c.slice(start, start + n)));
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await store.run(`UPDATE temp.${read} AS t SET input = f.input, output = f.output, metadata = f.metadata FROM temp.${fixed} f WHERE t.rowid = f.r`);
  await store.run(`DROP TABLE temp.${fixed}`);
}
