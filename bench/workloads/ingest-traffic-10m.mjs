// Workload (issue 16): 10,000,000 traffic rows from Parquet (the drift benchmark's file) through
// `touchstone ingest traffic` against DuckDB's bare load of the same file into a table of a fresh
// database; --quick 1,000,000. One run each (a full run takes minutes). Targets: at most 2× DuckDB's
// time, peak RSS under 1 GB. Beside them: DuckDB loading and hashing every row as Touchstone hashes a
// stored row (the floor for tamper-evident ingest), and Touchstone without redaction (what it costs).
import { rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { interleavedBest, measure } from '../lib/measure.mjs';
import { BENCH, TOUCHSTONE, outDir } from '../lib/paths.mjs';
import { generate } from './drift.mjs';

export async function run({ quick }) {
  const n = quick ? 1_000_000 : 10_000_000;
  const { traffic } = await generate(n);
  const scratch = outDir('scratch', 'ingest-traffic-10m');
  const fresh = () => {
    const db = join(scratch, 'load.duckdb');
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
    return db;
  };
  const touchstone = (...extra) => ({
    label: ['touchstone ingest traffic Parquet', ...extra].join(' '),
    go: () => measure(process.execPath, [TOUCHSTONE, '--db', fresh(), 'ingest', 'traffic', traffic, '--actor', 'bench', '--json', ...extra]),
    stored: (out) => JSON.parse(out).inserted,
  });
  const anchor = (...extra) => ({
    label: `duckdb read_parquet${extra.length ? ' + per-row sha256' : ''} → table`,
    go: () => measure(process.execPath, [join(BENCH, 'anchors/duckdb-load.mjs'), traffic, fresh(), ...extra]),
    stored: Number,
  });
  const runs = [touchstone(), anchor(), anchor('--hash'), touchstone('--no-redact-on-ingest')];
  const load = loadavg()[0].toFixed(2);
  const best = await interleavedBest(runs, 1, (r, m) => {
    if (r.stored(m.stdout.trim()) !== n) throw new Error(`${r.label} stored ${m.stdout.trim().slice(0, 200)} of ${n} rows`);
  });
  rmSync(scratch, { recursive: true, force: true });
  const rows = runs.map((r, i) => ({ label: r.label, seconds: best[i].seconds, peak_rss_mb: best[i].peak_rss_mb, cpu_s: best[i].cpu_s, rows_per_s: Math.round(n / best[i].seconds) }));
  const [ts, duck, hashed, raw] = rows;
  const ratio = ts.seconds / duck.seconds;
  return {
    name: `ingest ${n.toLocaleString('en-US')} traffic rows from Parquet`,
    rows,
    notes: [
      `${n.toLocaleString('en-US')} rows of the drift benchmark's generator, Parquet ${(statSync(traffic).size / 2 ** 20).toFixed(0)} MB; redaction on (the CLI default); each run into a fresh database file; one run each, Touchstone first; 1-min load average at start ${load}.`,
      `${ts.label}: ${ratio.toFixed(2)}× ${duck.label}, CPU ${(ts.cpu_s / duck.cpu_s).toFixed(2)}× — target ≤ 2× ${ratio <= 2 ? 'met' : 'MISSED'}; peak RSS ${ts.peak_rss_mb?.toFixed(0)} MB — target < 1024 MB ${ts.peak_rss_mb < 1024 ? 'met' : 'MISSED'}`,
      `${hashed.label}: ${(hashed.seconds / duck.seconds).toFixed(2)}× ${duck.label} (CPU ${(hashed.cpu_s / duck.cpu_s).toFixed(2)}×): the SHA-256 of every row alone; Touchstone is ${(ts.seconds / hashed.seconds).toFixed(2)}× it, ${(raw.seconds / hashed.seconds).toFixed(2)}× without redaction`,
    ],
  };
}
