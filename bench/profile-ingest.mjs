#!/usr/bin/env node
// Where does a label ingest spend its time? `node bench/profile-ingest.mjs [N]` (default 1,000,000).
// Times each stage of the JS ingest path separately on the bench labels file, cumulatively, in one
// process: read + split lines, JSON.parse, zod validation + scale check, DuckDB appender into a temp
// table, then the SQL steps (duplicate detection, INSERT with per-row SHA-256, Merkle root). Then runs
// the real CLI with TOUCHSTONE_PROFILE=1 for its own phase timings, and DuckDB's read_json for scale.
// Diagnostics only: the numbers it prints are not figures for RESULTS.md.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOUBLE, DuckDBDataChunk, INTEGER, VARCHAR } from '@duckdb/node-api';
import { normalizeLabel, schemas, Store } from '@touchstone/core';
import { merkleRootSql, rowHashSql } from '../packages/core/dist/integrity/row-hash.js';
import { labelsFile } from './gen/labels.mjs';
import { measure } from './lib/measure.mjs';
import { TOUCHSTONE } from './lib/paths.mjs';

const n = Number(process.argv[2] ?? 1_000_000);
const { file } = labelsFile(n, 1);
const scale = { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 };
const COLS = ['item_id', 'labeler_id', 'label_value', 'label_text', 'labeled_at', 'slice', 'guideline_version', 'session_id', 'rationale'];
const report = [];
// Wall seconds, CPU seconds (user + system, all threads: on a shared machine the steadier figure),
// and the process's peak RSS so far (which stage raises it).
const time = async (name, fn) => {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const out = await fn();
  const c = process.cpuUsage(c0);
  report.push([name, Number(process.hrtime.bigint() - t0) / 1e9, (c.user + c.system) / 1e6, process.resourceUsage().maxRSS / 1024]);
  return out;
};

async function* lines() {
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 4 << 20 })) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop() ?? '';
    yield parts;
  }
  if (carry !== '') yield [carry];
}

async function pass(level, con) {
  let count = 0;
  const types = [...COLS.map((c) => (c === 'label_value' ? DOUBLE : VARCHAR)), INTEGER];
  const appender = level >= 3 ? await con.createAppender('stage', 'main', 'temp') : undefined;
  for await (const batch of lines()) {
    const columns = types.map(() => []);
    for (const line of batch) {
      if (line === '') continue;
      count += 1;
      if (level < 1) continue;
      const rec = JSON.parse(line);
      if (level < 2) continue;
      const r = schemas.LabelRecordSchema.parse(rec);
      const v = normalizeLabel(scale, r.label);
      if (level < 3) continue;
      const row = [r.item_id, r.labeler_id, v.value, v.text, r.labeled_at, r.slice ?? null, r.guideline_version ?? null, r.session_id ?? null, r.rationale ?? null, count];
      for (let i = 0; i < row.length; i++) columns[i].push(row[i]);
    }
    // A DuckDB data chunk holds at most 2,048 rows.
    for (let at = 0; appender !== undefined && at < columns[0].length; at += 2048) {
      const slice = columns.map((c) => c.slice(at, at + 2048));
      const chunk = DuckDBDataChunk.create(types, slice[0].length);
      chunk.setColumns(slice);
      appender.appendDataChunk(chunk);
    }
  }
  appender?.closeSync();
  return count;
}

/**
 * The DuckDB fast path's own steps (core's internal modules, so this part is skipped with a note when
 * they move): file hash, the eligibility scan, the staging SQL as core builds it, and the same
 * read_json with typed columns and without row numbering, to show what validation and ordering cost.
 */
async function fastPathStages(con) {
  const core = (m) => import(new URL(`../packages/core/dist/ingest/${m}`, import.meta.url).href);
  let mods;
  try {
    mods = { sha: await core('file-sha256.js'), scan: await core('native/scan-jsonl.js'), sql: await core('native/label-native-sql.js') };
  } catch (error) {
    report.push([`fast path: skipped (${error.message.split('\n')[0]})`, null, null, null]);
    return;
  }
  const q = file.replaceAll("'", "''");
  await time('fast path: sha256 of the file (JS)', () => mods.sha.fileSha256(file));
  await time('fast path: eligibility scan (JS)', () => mods.scan.scanJsonl(file));
  await time('fast path: read + validate SQL as core builds it', () => con.run(mods.sql.labelNativeStageSql(file, {}, undefined, scale, 'fp1')));
  await time('fast path: line numbers from rowid (core)', () => con.run(mods.sql.labelNativeNumberSql('fp1', 'fp1n')));
  const typed = `columns = {item_id: 'VARCHAR', labeler_id: 'VARCHAR', label: 'DOUBLE', labeled_at: 'VARCHAR', slice: 'VARCHAR', guideline_version: 'VARCHAR', session_id: 'VARCHAR', rationale: 'VARCHAR'}`;
  await time('  variant: typed columns, no validation, ORDINALITY', () => con.run(`CREATE TEMP TABLE fp2 AS SELECT * FROM read_json('${q}', format = 'newline_delimited', ${typed}) WITH ORDINALITY`));
  await time('  variant: typed columns, no validation, no ORDINALITY', () => con.run(`CREATE TEMP TABLE fp3 AS SELECT * FROM read_json('${q}', format = 'newline_delimited', ${typed})`));
  await time('  variant: typed + labeled_at::TIMESTAMPTZ check only', () => con.run(`CREATE TEMP TABLE fp4 AS SELECT *, try_cast(labeled_at AS TIMESTAMPTZ) IS NOT NULL AS ok FROM read_json('${q}', format = 'newline_delimited', ${typed}) WITH ORDINALITY`));
}

const dir = mkdtempSync(join(tmpdir(), 'touchstone-profile-'));
try {
  // The store's own tables (labels as the current DDL has them), through the public Store.
  const store = await Store.open(join(dir, 'p.duckdb'));
  const con = store.connection;
  await con.run(`CREATE TEMP TABLE stage (${COLS.map((c) => `${c} ${c === 'label_value' ? 'DOUBLE' : 'VARCHAR'}`).join(', ')}, source_record INTEGER)`);
  await time('read + split lines', () => pass(0, con));
  await time('  + JSON.parse', () => pass(1, con));
  await time('  + zod parse + scale check', () => pass(2, con));
  await time('  + DuckDB appender (whole JS path)', () => pass(3, con));
  await time('SQL: duplicate detection (GROUP BY key)', () => con.run(`CREATE TEMP TABLE dup AS SELECT unnest(list_sort(list(source_record))[2:]) AS source_record FROM temp.stage GROUP BY item_id, labeler_id, label_value, label_text, labeled_at HAVING count(*) > 1`));
  const select = `SELECT row_number() OVER (ORDER BY s.source_record) AS seq, 1 AS batch_id, s.source_record, 'bench' AS gold_set, s.item_id, s.labeler_id, s.label_value, s.label_text, s.labeled_at::TIMESTAMPTZ AS labeled_at, s.slice, s.guideline_version, s.session_id, s.rationale, NULL::VARCHAR AS source_ref FROM temp.stage s ANTI JOIN temp.dup d USING (source_record)`;
  await con.run(`CREATE TEMP TABLE nohash AS ${select}`);
  await con.run('CREATE TABLE plain AS SELECT * EXCLUDE (row_hash) FROM labels LIMIT 0');
  await time('SQL: INSERT into a stored table, no row hash', () => con.run(`INSERT INTO plain BY NAME ${select}`));
  // The window that numbers rows (row_number() OVER (ORDER BY source_record)) sorts the whole batch;
  // numbering from source_record (gaps where duplicates were dropped) needs no sort.
  await con.run('CREATE TABLE plain2 AS SELECT * FROM plain LIMIT 0');
  await time('  variant: seq from source_record, no window', () => con.run(`INSERT INTO plain2 BY NAME ${select.replace('row_number() OVER (ORDER BY s.source_record)', 's.source_record')}`));
  await time('SQL: INSERT with per-row SHA-256 (as ingest does)', () => con.run(`INSERT INTO labels BY NAME SELECT *, ${rowHashSql('labels', 'x')} AS row_hash FROM (${select}) x`));
  // What the row hash costs, split: building the canonical JSON text vs SHA-256 over it, and a
  // cheaper canonical text (fields joined by U+001F, NULL as U+0000) under the same SHA-256.
  const fields = ['seq', 'gold_set', 'item_id', 'labeler_id', 'label_value', 'label_text', 'epoch_us(labeled_at)', 'slice', 'guideline_version', 'session_id', 'rationale', 'batch_id', 'source_record', 'source_ref'];
  await time('  of which: json_array(…)::VARCHAR alone', () => con.run(`CREATE TEMP TABLE h1 AS SELECT json_array(${fields.map((f) => f.replace(/^(\w+)$/, 'x.$1').replace('(labeled_at)', '(x.labeled_at)')).join(', ')})::VARCHAR AS t FROM temp.nohash x`));
  await time('  of which: sha256 over that text', () => con.run(`CREATE TEMP TABLE h2 AS SELECT sha256(t) FROM temp.h1`));
  const canon = `json_array(${fields.map((f) => f.replace(/^(\w+)$/, 'x.$1').replace('(labeled_at)', '(x.labeled_at)')).join(', ')})::VARCHAR`;
  await con.run('CREATE TABLE hashes (h VARCHAR, b BLOB, u UBIGINT)');
  await time('  stored: sha256 hex VARCHAR column (as now)', () => con.run(`INSERT INTO hashes (h) SELECT sha256(${canon}) FROM temp.nohash x`));
  await time('  stored: unhex(sha256) as 32-byte BLOB', () => con.run(`INSERT INTO hashes (b) SELECT unhex(sha256(${canon})) FROM temp.nohash x`));
  await time('  stored: md5 hex (not collision-resistant)', () => con.run(`INSERT INTO hashes (h) SELECT md5(${canon}) FROM temp.nohash x`));
  await time('  stored: DuckDB hash() 64-bit (locates, not secure)', () => con.run(`INSERT INTO hashes (u) SELECT hash(${canon}) FROM temp.nohash x`));
  await time('  alternative: sha256(concat_ws(U+001F, …))', () => con.run(`CREATE TEMP TABLE h3 AS SELECT sha256(concat_ws(chr(31), ${fields.map((f) => `coalesce(CAST(${f.replace(/^(\w+)$/, 'x.$1').replace('(labeled_at)', '(x.labeled_at)')} AS VARCHAR), chr(0))`).join(', ')})) FROM temp.nohash x`));
  await time('SQL: Merkle root of the batch', () => con.runAndReadAll(merkleRootSql('labels'), [1]));
  await time('SQL: COMMIT/CHECKPOINT to disk', () => con.run('CHECKPOINT'));
  await time('DuckDB read_json into a temp table (reference)', () => con.run(`CREATE TEMP TABLE rj AS SELECT * FROM read_json('${file.replaceAll("'", "''")}', format = 'newline_delimited')`));
  await fastPathStages(con);
  store.close();

  const cli = await measure(process.execPath, [TOUCHSTONE, '--db', join(dir, 'cli.duckdb'), 'ingest', 'labels', file, '--gold', 'bench', '--scale', 'ordinal:1-5', '--pass-threshold', '4', '--json'], { env: { TOUCHSTONE_PROFILE: '1' } });
  report.push(['real CLI, whole ingest', cli.seconds, null, cli.peak_rss_mb]);
  process.stdout.write(`profile of a ${n.toLocaleString('en-US')}-label ingest (${file})\n`);
  process.stdout.write(`  ${'stage'.padEnd(52)} ${'wall s'.padStart(7)} ${'cpu s'.padStart(7)} ${'peak RSS MB'.padStart(12)}\n`);
  const f = (x, d) => (x === null ? '-' : x.toFixed(d));
  for (const [name, w, c, rss] of report) process.stdout.write(`  ${name.padEnd(52)} ${f(w, 2).padStart(7)} ${f(c, 2).padStart(7)} ${f(rss, 0).padStart(12)}\n`);
  process.stdout.write(`  real CLI peak RSS ${cli.peak_rss_mb?.toFixed(0) ?? '-'} MB; its TOUCHSTONE_PROFILE phases (cumulative ms):\n`);
  for (const line of cli.stderr.split('\n').filter((l) => l.startsWith('ingest phase'))) process.stdout.write(`    ${line}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
