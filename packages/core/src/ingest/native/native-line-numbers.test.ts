import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { literal } from '../../store/sql.js';
import { tempStore } from '../../test-helpers/temp-store.js';
import { ingestLabels } from '../ingest-labels.js';

// DuckDB's JSON reader splits a file into buffers of about 32 MB and reads them on several threads;
// 400,000 lines of about 100 bytes (≈ 42 MB) take at least two. Each line names its own number.
const LINES = 400_000;
const file = (): string => {
  const parts: string[] = [];
  for (let i = 1; i <= LINES; i++) parts.push(`{"item_id":"line-${i}","labeler_id":"L${i % 7}","label":${(i % 5) + 1},"labeled_at":"2026-01-01T00:00:00Z","slice":"s${i % 3}"}\n`);
  return parts.join('');
};

/** Rows of `path` that land away from their line when DuckDB may reorder (4 threads, preserve_insertion_order=false). */
async function rowsOutOfOrder(path: string): Promise<number> {
  const probe = await DuckDBInstance.create(':memory:', { preserve_insertion_order: 'false', threads: '4' });
  const con = await probe.connect();
  try {
    await con.run(`CREATE TABLE t AS SELECT item_id FROM read_json(${literal(path)}, format = 'newline_delimited', columns = {item_id: 'VARCHAR'})`);
    return Number((await con.runAndReadAll(`SELECT count(*) FILTER (WHERE item_id <> 'line-' || (rowid + 1)) AS n FROM t`)).getRowObjectsJS()[0]?.['n']);
  } finally {
    con.closeSync();
    probe.closeSync();
  }
}

describe('the DuckDB fast path numbers lines as the file has them', () => {
  it('when the reader splits the file across threads, every label keeps its own line number', async () => {
    const { store, dir, write } = await tempStore();
    try {
      const path = write('big.jsonl', file());
      // Witness: allowed to reorder (preserve_insertion_order=false), DuckDB does reorder this file,
      // so it really is read in parallel; the ingest relies on the default order-preserving mode.
      // (Threads racing can happen to finish in order, about 1 run in 30; so up to 5 tries.)
      let reordered = 0;
      for (let attempt = 0; attempt < 5 && reordered === 0; attempt++) reordered = await rowsOutOfOrder(path);
      expect(reordered).toBeGreaterThan(0);

      const summary = await ingestLabels(store, { file: path, goldSet: 'g', actor: 't', scale: { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 } });
      expect(summary).toMatchObject({ fast_path: true, read: LINES, inserted: LINES });
      const [check] = await store.all<{ n: number; wrong_record: number; wrong_seq: number }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE item_id <> 'line-' || source_record) AS wrong_record,
                count(*) FILTER (WHERE seq <> source_record) AS wrong_seq FROM labels`,
      );
      expect(check).toEqual({ n: LINES, wrong_record: 0, wrong_seq: 0 });
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
