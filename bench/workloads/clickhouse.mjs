// Workload (issue 15): the traffic side of a drift-check with the traffic in ClickHouse (chdb, the
// engine in-process, a MergeTree table ordered by time) against the same traffic in the DuckDB store,
// on the drift workload's data (10,000,000 rows over 30 days; --quick: 1,000,000). Each engine runs
// in its own process (libchdb binds one data directory per process): buildShadowSet + driftReport
// through the core library with that engine as the traffic source, every source call metered
// (seconds, bytes of the rows that crossed, rows the engine read). Both must give the same strata,
// the same shadow items and the same report; a difference is printed loudly.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { measure } from '../lib/measure.mjs';
import { BENCH, outDir } from '../lib/paths.mjs';
import { buildStore, generate } from './drift.mjs';

const CHILD = join(BENCH, 'lib/traffic-engine-run.mjs');
const NOW = '2026-03-31T00:00:00Z';
const SHADOW = 5_000;
const PROJECT = 500_000_000;

/** The first path where two JSON values differ (for the mismatch message). */
function firstDifference(a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return null;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = firstDifference(a[k], b[k], `${path}.${k}`);
    if (d !== null) return d;
  }
  return `${path}: differs`;
}

export async function run({ quick }) {
  const n = quick ? 1_000_000 : 10_000_000;
  const files = await generate(n);
  const scratch = outDir('scratch', 'clickhouse');
  const seeded = join(scratch, `seeded-${n}.duckdb`);
  // No embeddings: the ClickHouse table is loaded from the same Parquet file, which has none.
  const built = await buildStore(files, seeded, scratch, { embeddings: false });
  const chdbDir = join(scratch, `chdb-${n}`);
  const child = async (engine) => {
    const db = join(scratch, `run-${engine}-${n}.duckdb`);
    if (engine !== 'load') {
      copyFileSync(seeded, db);
      rmSync(`${db}.wal`, { force: true });
    }
    const out = join(scratch, `out-${engine}-${n}.json`);
    const m = await measure(process.execPath, [CHILD, engine, db, files.traffic, chdbDir, out, NOW, String(SHADOW)], { cwd: BENCH });
    return { m, r: JSON.parse(readFileSync(out, 'utf8')) };
  };
  const loaded = await child('load');

  // One round: a 10M run takes minutes per engine on the shared box; the load average is recorded.
  const rounds = 1;
  const best = {};
  for (let round = 0; round < rounds; round++) {
    for (const engine of ['clickhouse', 'duckdb']) {
      const got = await child(engine);
      if (best[engine] === undefined || got.r.seconds < best[engine].r.seconds) best[engine] = got;
    }
  }
  const ch = best.clickhouse.r;
  const duck = best.duckdb.r;

  // Equivalence on this data: strata, shadow items (seeded sample, weights), the drift report.
  const compared = [
    ['shadow strata and counts', (r) => ({ ...r.shadow, content_hash: undefined, source: undefined })],
    ['shadow items', (r) => r.items],
    ['drift report', (r) => r.report],
  ].map(([what, pick]) => ({ what, diff: firstDifference(pick(duck), pick(ch)) }));
  const mismatches = compared.filter((c) => c.diff !== null);
  for (const c of mismatches) process.stderr.write(`\n!!! clickhouse workload: MISMATCH between the DuckDB and ClickHouse sources in ${c.what}: ${c.diff}\n\n`);

  // Rows scanned: the rows ClickHouse reads for the traffic queries after primary-key pruning to
  // the queried time ranges (EXPLAIN ESTIMATE); DuckDB runs the same queries over the same rows,
  // so its scan rate is taken over the same count.
  const rowsRead = ch.meter.rows_scanned ?? NaN;
  const row = (label, r, m) => {
    const rate = rowsRead / r.meter.seconds;
    const rest = r.seconds - r.meter.seconds;
    return {
      label,
      seconds: r.seconds,
      peak_rss_mb: m.peak_rss_mb,
      traffic_s: r.meter.seconds,
      calls: r.meter.calls,
      rows_returned: r.meter.rows,
      kb_crossed: Math.round(r.meter.bytes / 1024),
      rows_scanned: rowsRead,
      scan_rate_rows_s: Math.round(rate),
      projected_500m_s: Number((rest + (rowsRead * (PROJECT / n)) / rate).toFixed(1)),
    };
  };
  const rows = [
    row('traffic in ClickHouse (chdb MergeTree): shadow build + drift report', ch, best.clickhouse.m),
    row('traffic in the DuckDB store: shadow build + drift report', duck, best.duckdb.m),
  ];
  const perItem = (r) => r.items.length === 0 ? 0 : r.meter.bytes / r.items.length;
  const m = (x) => (x / 2 ** 20).toFixed(1);
  const notes = [
    `${n.toLocaleString('en-US')} traffic rows over 30 days (the drift workload's generator and Parquet file); window = last 7 days; shadow ${SHADOW.toLocaleString('en-US')} items against gold 'bench' (10,000 items × 3 labelers), seed '0', stratified by slice. Seconds = buildShadowSet + driftReport in one process (best of ${rounds}, engines interleaved); traffic_s = time inside the traffic source's calls; the rest (dedupe, redaction, store writes, gold-side statistics) is the same work for both.`,
    `setup (not timed): DuckDB store ${built.load.seconds.toFixed(1)} s (INSERT … FROM read_parquet); ClickHouse ${loaded.r.load === null ? 'table already loaded in bench/out (cached)' : `INSERT INTO traffic SELECT … FROM file('…parquet', Parquet) + OPTIMIZE FINAL ${loaded.r.load.seconds.toFixed(1)} s (${loaded.r.load.rows.toLocaleString('en-US')} rows, peak RSS ${loaded.m.peak_rss_mb?.toFixed(0) ?? '?'} MB)`}.`,
    `bytes crossed: ClickHouse = the JSONEachRow text the engine returned for the ${ch.meter.calls} traffic queries, ${m(ch.meter.bytes)} MB (${Math.round(perItem(ch)).toLocaleString('en-US')} bytes per shadow item, aggregates included); DuckDB = the same rows serialized the same way, ${m(duck.meter.bytes)} MB (in-process, nothing crosses a network). Engine-reported elapsed for them ${ch.meter.engine_s.toFixed(2)} s.${ch.notes.length > 0 ? ` ${ch.notes.join(' ')}` : ''}`,
    `rows_scanned = the rows ClickHouse reads from the table for the traffic queries after primary-key pruning to the queried time ranges (sum of EXPLAIN ESTIMATE over them; granule-exact, so a query's rows are counted once per read); DuckDB runs the same queries over the same rows, so its scan rate is over the same count. projected_500m_s is a PROJECTION, not a measurement: the non-traffic seconds + rows_scanned × ${(PROJECT / n).toLocaleString('en-US')} / scan rate, i.e. 500,000,000 rows with the same 30-day shape on this one shared 2-core machine; a ClickHouse cluster divides the scan by its shards, and the bytes crossed do not grow with rows (aggregates + a fixed-size sample).`,
    mismatches.length === 0
      ? `equivalence on this data: ${compared.map((c) => c.what).join(', ')} identical from both sources (${ch.items.length.toLocaleString('en-US')} shadow items, ${ch.shadow.strata.length} strata, status ${ch.report.status}).`
      : `EQUIVALENCE MISMATCH: ${mismatches.map((c) => `${c.what} — ${c.diff}`).join('; ')}`,
  ];
  if (quick) notes.push('quick run: 1,000,000 rows; the benchmark row is stated for 10,000,000 (npm run bench -- --only clickhouse).');
  return { name: `drift-check traffic work on ${n.toLocaleString('en-US')} rows: ClickHouse engine vs DuckDB store (issue 15)`, rows, notes };
}
