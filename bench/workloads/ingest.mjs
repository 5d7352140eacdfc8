// Workload: ingest of canonical JSONL labels through the real CLI, against DuckDB's own read_json
// loading the same file (the physical limit), the same load plus a per-row SHA-256 (the limit for
// the same kind of work), and a pandas peer. Target (issue 2): Touchstone at most
// 2× DuckDB's read_json time, peak RSS under 1 GB.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { labelsFile } from '../gen/labels.mjs';
import { interleavedBest, measure } from '../lib/measure.mjs';
import { BENCH, TOUCHSTONE, outDir } from '../lib/paths.mjs';
import { ensurePython } from '../lib/python.mjs';

const TARGET_RATIO = 2;
const TARGET_RSS_MB = 1024;

export async function run({ quick }) {
  const n = quick ? 100_000 : 1_000_000;
  const { file } = labelsFile(n, 1);
  const mb = statSync(file).size / 2 ** 20;
  const scratch = outDir('scratch', 'ingest');
  const fresh = (name) => {
    const db = join(scratch, name);
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    return db;
  };
  const perSecond = (seconds) => Math.round(n / seconds);

  const missing = ensurePython(['pandas', 'duckdb']);
  const runs = [
    {
      label: 'touchstone ingest labels',
      go: () => measure(process.execPath, [TOUCHSTONE, '--db', fresh('touchstone.duckdb'), 'ingest', 'labels', file, '--gold', 'bench', '--scale', 'ordinal:1-5', '--pass-threshold', '4', '--actor', 'bench', '--json']),
      stored: (out) => JSON.parse(out).inserted,
    },
    { label: 'duckdb read_json → table', go: () => measure(process.execPath, [join(BENCH, 'anchors/duckdb-load.mjs'), file, fresh('duckdb.duckdb')]), stored: Number },
    { label: 'duckdb read_json + per-row sha256 → table', go: () => measure(process.execPath, [join(BENCH, 'anchors/duckdb-load.mjs'), file, fresh('duckdb-hash.duckdb'), '--hash']), stored: Number },
    ...(missing === null
      ? [{ label: 'pandas read_json + validate → duckdb', go: () => measure('python3', [join(BENCH, 'peers/ingest_peer.py'), file, fresh('pandas.duckdb')]), stored: (out) => Number(out.split(' ')[0]) }]
      : []),
  ];
  // Rounds interleave the three runs so a burst of load from other processes hits all of them alike;
  // each row keeps its fastest time and its largest peak RSS.
  const rounds = quick ? 1 : 3;
  const best = await interleavedBest(runs, rounds, (r, m) => {
    const stored = r.stored(m.stdout.trim());
    if (stored !== n) throw new Error(`${r.label} stored ${stored} of ${n} labels`);
  });
  const rows = runs.map((r, i) => ({ label: r.label, seconds: best[i].seconds, peak_rss_mb: best[i].peak_rss_mb, cpu_s: best[i].cpu_s, rows_per_s: perSecond(best[i].seconds) }));
  const [ts, duck, duckHash] = rows;
  const notes = [`${n.toLocaleString('en-US')} labels, ${mb.toFixed(0)} MB of JSONL (bench/gen/labels.mjs, seed 1); each run into a fresh database file; ${rounds === 1 ? 'one run each' : `fastest of ${rounds} interleaved runs each`}.`];
  if (missing !== null) notes.push(`pandas peer skipped: ${missing}`);

  const ratio = ts.seconds / duck.seconds;
  notes.push(`target time ≤ ${TARGET_RATIO}× DuckDB read_json: ${ratio.toFixed(2)}× — ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`);
  notes.push(`against DuckDB loading and hashing every row (the limit for the same kind of work): ${(ts.seconds / duckHash.seconds).toFixed(2)}× its time`);
  if (ts.cpu_s !== null && duck.cpu_s !== null) notes.push(`CPU time (user + system, all threads; steadier on a shared machine): ${(ts.cpu_s / duck.cpu_s).toFixed(2)}× DuckDB's`);
  if (ts.peak_rss_mb !== null) notes.push(`target peak RSS < ${TARGET_RSS_MB} MB: ${ts.peak_rss_mb.toFixed(0)} MB — ${ts.peak_rss_mb < TARGET_RSS_MB ? 'met' : 'MISSED'}`);
  rmSync(scratch, { recursive: true, force: true });
  return { name: `ingest ${n.toLocaleString('en-US')} JSONL labels`, rows, notes };
}
