import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, schemas } from '@touchstone/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { DRIFTED, writeDriftFixture } from './helpers/drift-fixture.js';

// Issue 12, "forgery that verify does not see": every table and view that feeds a conclusion is
// under the hash chain. One store is built by the real CLI (gold labels with --map and a supplied
// timestamp, a thresholded ordinal gold set, traffic, judge scores, a drift-check with its shadow
// set and run history, a gold snapshot); each case copies it, edits the copy with raw SQL and runs
// the real `verify --expect-head` and `guard --expect-head` against it.
const tmp = tempDir('touchstone-tamper-');
afterAll(() => tmp.cleanup());
const base = join(tmp.dir, 'base.duckdb');
let head = '';
let n = 0;

const ok = async (args: string[], db = base): Promise<string> => {
  const r = await runCli(['--db', db, ...args], { cwd: tmp.dir });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(1);
  return r.stdout;
};

beforeAll(async () => {
  const f = writeDriftFixture(tmp.dir);
  await ok(['ingest', 'labels', f.labels, '--gold', 'support', '--scale', 'binary', '--map', 'slice=slice', '--labeled-at', '2026-01-05T00:00:00Z']);
  const rated = join(tmp.dir, 'rated.jsonl');
  writeFileSync(rated, ['a', 'b', 'c'].flatMap((id, i) => ['x', 'y'].map((l) => JSON.stringify({ item_id: id, labeler_id: l, label: 2 + i, labeled_at: '2026-01-01T00:00:00Z' }))).join('\n'));
  await ok(['ingest', 'labels', rated, '--gold', 'rated', '--scale', 'ordinal:1-5', '--pass-threshold', '4']);
  await ok(['ingest', 'traffic', f.traffic]);
  await ok(['drift-check', '--gold', 'support', '--now', DRIFTED, '--json']);
  await ok(['gold', 'snapshot', 'support', '--tag', 'v1']);
  const v = schemas.VerifyReportSchema.parse(JSON.parse(await ok(['verify', '--json'])));
  expect(v.intact, JSON.stringify(v.findings)).toBe(true);
  expect(v.notes).toEqual([]);
  head = v.head_hash;
}, 600_000);

/** Copies the base store, applies `sql` to the copy, returns verify's findings and guard's exit code (both with the head pinned). */
async function tamper(statements: string[], gold = 'support'): Promise<{ findings: schemas.TamperFinding[]; guardCode: number; guardOut: string }> {
  const db = join(tmp.dir, `t${++n}.duckdb`);
  copyFileSync(base, db);
  const store = await openStore(db);
  for (const s of statements) await store.run(s);
  store.close();
  const v = await runCli(['--db', db, 'verify', '--json', '--expect-head', head]);
  expect(v.code, v.stderr).toBe(1);
  const report = schemas.VerifyReportSchema.parse(JSON.parse(v.stdout));
  const g = await runCli(['--db', db, 'guard', '--gold', gold, '--expect-head', head]);
  return { findings: report.findings, guardCode: g.code, guardOut: g.stdout + g.stderr };
}

const CASES: readonly { name: string; sql: string[]; gold?: string; table: string; says: RegExp }[] = [
  { name: 'the gold set scale', sql: [`UPDATE gold_sets SET scale = '{"kind":"nominal","categories":["0","1"],"pass_categories":["0"]}' WHERE name = 'support'`], table: 'gold_sets', says: /gold set "support".*edited: scale no longer matches/ },
  { name: 'the pass threshold', sql: [`UPDATE gold_sets SET scale = '{"kind":"ordinal","min":1,"max":5,"pass_threshold":2}' WHERE name = 'rated'`], gold: 'rated', table: 'gold_sets', says: /gold set "rated".*scale/ },
  {
    name: 'the current_labels view (redefined to drop a labeler)',
    sql: [`CREATE OR REPLACE VIEW current_labels AS SELECT * EXCLUDE (rn) FROM (SELECT *, row_number() OVER (PARTITION BY gold_set, item_id, labeler_id ORDER BY seq DESC) AS rn FROM labels WHERE labeler_id <> 'cy') WHERE rn = 1`],
    table: 'catalog', says: /view current_labels was redefined/,
  },
  { name: 'a macro shadowing sha256', sql: [`CREATE MACRO sha256(x) AS 'x'`], table: 'catalog', says: /macro sha256\(\)/ },
  { name: 'an item text', sql: [`UPDATE items SET input = 'forged' WHERE gold_set = 'support' AND item_id = 'g7'`], table: 'items', says: /items of gold set "support".*edited: input no longer matches/ },
  { name: 'a snapshot content hash', sql: [`UPDATE snapshots SET content_hash = repeat('0', 64)`], table: 'snapshots', says: /snapshot "support @ v1".*content_hash/ },
  { name: 'a snapshot inserted', sql: [`INSERT INTO snapshots SELECT * REPLACE ('v0' AS tag) FROM snapshots`], table: 'snapshots', says: /snapshot "support @ v0" was inserted/ },
  { name: 'a shadow-set item score (the set)', sql: [`UPDATE shadow_items SET judge_score = 1 - judge_score WHERE item_id = (SELECT min(item_id) FROM shadow_items)`], table: 'shadow_items', says: /items of shadow set "[^"]+".*judge_score/ },
  { name: 'a shadow-set item score (the row)', sql: [`UPDATE shadow_items SET judge_score = 1 - judge_score WHERE item_id = (SELECT min(item_id) FROM shadow_items)`], table: 'shadow_items', says: /item \S+ of shadow set "[^"]+" no longer matches traffic record #\d+ it was drawn from: judge_score$/ },
  { name: 'a shadow-set item deleted', sql: [`DELETE FROM shadow_items WHERE item_id = (SELECT min(item_id) FROM shadow_items)`], table: 'shadow_items', says: /row count/ },
  { name: 'a shadow set header', sql: [`UPDATE shadow_sets SET n_window = n_window + 1, redactions = '{"email":0}'`], table: 'shadow_sets', says: /n_window, redactions/ },
  { name: 'the drift-run history (an alert turned ok)', sql: [`UPDATE drift_runs SET status = 'ok', n_alerts = 0`], table: 'drift_runs', says: /drift run "1".*status, n_alerts/ },
  { name: 'the drift-run history (a run deleted)', sql: [`DELETE FROM drift_runs`], table: 'drift_runs', says: /drift run "1".*deleted/ },
  { name: 'batch field supplied', sql: [`UPDATE batches SET supplied = '{}' WHERE batch_id = 1`], table: 'batches', says: /batch 1 .*field supplied altered/ },
  { name: 'batch field field_map', sql: [`UPDATE batches SET field_map = '{}' WHERE batch_id = 1`], table: 'batches', says: /batch 1 .*field field_map altered/ },
  { name: 'batch field finished_at', sql: [`UPDATE batches SET finished_at = finished_at + INTERVAL 1 DAY WHERE batch_id = 3`], table: 'batches', says: /batch 3 .*field finished_at altered/ },
  { name: 'a sealed state rewritten with its field tags', sql: [`UPDATE batches SET state = NULL, field_tags = NULL WHERE kind = 'snapshot'`], table: 'batches', says: /batch \d+ \(snapshot .*a recorded field was altered/ },
];

describe('tamper suite: raw SQL on a real DuckDB file, verify and guard with --expect-head', () => {
  for (const c of CASES) {
    it(`names an edit of ${c.name}, and guard fails`, async () => {
      const { findings, guardCode, guardOut } = await tamper(c.sql, c.gold);
      const hit = findings.find((f) => f.table === c.table && c.says.test(f.message));
      expect(hit, JSON.stringify(findings, null, 1)).toBeDefined();
      expect(guardCode, guardOut).toBe(1);
      expect(guardOut).toMatch(/integrity/);
    });
  }
});
