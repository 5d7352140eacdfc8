// Workload (issue 16): `touchstone ingest traffic` through the real CLI against DuckDB's bare load of
// the same file into a table (read_json for JSONL, read_parquet for Parquet), on the drift
// benchmark's generated traffic (1,000,000 rows; --quick 100,000). Targets: at most 2× DuckDB's
// time, peak RSS under 1 GB. The 10,000,000-row Parquet load is timed in ingest-traffic-10m.mjs (and in the drift workload).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { interleavedBest, measure } from '../lib/measure.mjs';
import { BENCH, TOUCHSTONE, outDir } from '../lib/paths.mjs';
import { generate } from './drift.mjs';

const TARGET_RATIO = 2;
const TARGET_RSS_MB = 1024;

/** The drift traffic as JSONL with ISO timestamps and metadata objects, as an export would carry it. */
async function jsonlOf(parquet, n) {
  const file = join(outDir('data'), `traffic-${n}.jsonl`);
  if (existsSync(file)) return file;
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run(`SET TimeZone = 'UTC'`);
  await con.run(`COPY (SELECT id, strftime("timestamp", '%Y-%m-%dT%H:%M:%S.%gZ') AS "timestamp", input, output, slice, judge_score::DOUBLE AS judge_score, metadata
    FROM read_parquet('${parquet}')) TO '${file}.partial' (FORMAT JSON)`);
  con.closeSync();
  instance.closeSync();
  renameSync(`${file}.partial`, file);
  return file;
}

export async function run({ quick }) {
  const n = quick ? 100_000 : 1_000_000;
  const { traffic: parquet } = await generate(n);
  const jsonl = await jsonlOf(parquet, n);
  const scratch = outDir('scratch', 'ingest-traffic');
  const fresh = (name) => {
    const db = join(scratch, name);
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    return db;
  };
  const ingest = (file) => ({
    label: `touchstone ingest traffic ${file.endsWith('.parquet') ? 'Parquet' : 'JSONL'}`,
    go: () => measure(process.execPath, [TOUCHSTONE, '--db', fresh('touchstone.duckdb'), 'ingest', 'traffic', file, '--actor', 'bench', '--json']),
    stored: (out) => JSON.parse(out).inserted,
  });
  // hash: the anchor also stores sha256(json_array(fields)) per row, as Touchstone hashes a stored row:
  // DuckDB's own cost to load and hash every row, the floor for the same work (no validation or redaction).
  const duck = (file, hash = false) => ({
    label: `duckdb ${file.endsWith('.parquet') ? 'read_parquet' : 'read_json'}${hash ? ' + per-row sha256' : ''} → table`,
    go: () => measure(process.execPath, [join(BENCH, 'anchors/duckdb-load.mjs'), file, fresh('duckdb.duckdb'), ...(hash ? ['--hash'] : [])]),
    stored: Number,
  });
  const runs = [ingest(jsonl), duck(jsonl), ingest(parquet), duck(parquet), duck(jsonl, true), duck(parquet, true)];
  const rounds = quick ? 1 : 2;
  const best = await interleavedBest(runs, rounds, (r, m) => {
    const stored = r.stored(m.stdout.trim());
    if (stored !== n) throw new Error(`${r.label} stored ${stored} of ${n} rows`);
  });
  const rows = runs.map((r, i) => ({ label: r.label, seconds: best[i].seconds, peak_rss_mb: best[i].peak_rss_mb, cpu_s: best[i].cpu_s, rows_per_s: Math.round(n / best[i].seconds) }));
  const mb = (f) => (statSync(f).size / 2 ** 20).toFixed(0);
  const notes = [`${n.toLocaleString('en-US')} traffic rows of the drift benchmark's generator: JSONL ${mb(jsonl)} MB, Parquet ${mb(parquet)} MB; each run into a fresh database file; ${rounds === 1 ? 'one run each' : `fastest of ${rounds} interleaved runs each`}.`];
  for (const [ts, anchor, hashed] of [[rows[0], rows[1], rows[4]], [rows[2], rows[3], rows[5]]]) {
    const ratio = ts.seconds / anchor.seconds;
    const cpu = ts.cpu_s !== null && anchor.cpu_s !== null ? `, CPU ${(ts.cpu_s / anchor.cpu_s).toFixed(2)}×` : '';
    notes.push(`${ts.label}: ${ratio.toFixed(2)}× ${anchor.label}${cpu} — target ≤ ${TARGET_RATIO}× ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}; peak RSS ${ts.peak_rss_mb?.toFixed(0) ?? '?'} MB — target < ${TARGET_RSS_MB} MB ${(ts.peak_rss_mb ?? Infinity) < TARGET_RSS_MB ? 'met' : 'MISSED'}`);
    notes.push(`${ts.label}: ${(ts.seconds / hashed.seconds).toFixed(2)}× ${hashed.label} (the anchor alone is ${(hashed.seconds / anchor.seconds).toFixed(2)}× ${anchor.label})`);
  }
  rmSync(scratch, { recursive: true, force: true });
  return { name: `ingest ${n.toLocaleString('en-US')} traffic rows (JSONL and Parquet)`, rows, notes };
}
