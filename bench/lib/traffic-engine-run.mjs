// One engine's drift-check traffic work, in its own process (libchdb binds one data directory per
// process, and each engine's peak RSS is then its own): `node traffic-engine-run.mjs ENGINE STORE
// PARQUET CHDB_DIR OUT NOW SIZE`, ENGINE = duckdb | clickhouse. Times buildShadowSet + driftReport
// through the core library with the store's traffic or a chdb MergeTree table as the source, meters
// every source call (seconds, rows and bytes returned), and writes what the parent compares.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { buildShadowSet, driftReport, Store, storeTrafficSource } from '@touchstone/core';
import { clickhouseTrafficSource, ClickHouseSourceSchema } from '@touchstone/core/clickhouse';
import { correctedPassRate } from '@touchstone/judge-calibration';

const [engine, dbPath, parquet, chdbDir, outPath, now, size] = process.argv.slice(2);
const GOLD = 'bench';
const corrector = (input) => {
  const r = correctedPassRate({ ...input, seed: 1 });
  return { estimate: r.estimate, ci: [r.ci[0], r.ci[1]] };
};
const jsonLine = (row) => JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
const meter = { calls: 0, seconds: 0, rows: 0, bytes: 0, engine_s: 0 };
const notes = [];
const sqls = [];

/** Every method of a source timed and its results counted; `bytesOf` gives the bytes that crossed. */
function metered(source, bytesOf) {
  const wrap = (fn) => async (...args) => {
    const t = process.hrtime.bigint();
    const rows = await fn(...args);
    meter.seconds += Number(process.hrtime.bigint() - t) / 1e9;
    meter.calls += 1;
    const list = Array.isArray(rows) ? rows : [rows];
    meter.rows += list.length;
    if (bytesOf !== null) meter.bytes += bytesOf(list);
    return rows;
  };
  return { ...source, strata: wrap(source.strata), candidates: wrap(source.candidates), windowSlices: wrap(source.windowSlices), metadataCounts: wrap(source.metadataCounts), windowVsGoldMetadata: wrap(source.windowVsGoldMetadata), span: wrap(source.span) };
}

let session;
let load = null;
if (engine !== 'duckdb') {
  const { Session } = await import('chdb');
  session = new Session(chdbDir);
  load = await ensureLoaded(session);
  if (engine === 'load') {
    session.close();
    writeFileSync(outPath, jsonLine({ engine, load }));
    process.exit(0);
  }
}
/** The generator's Parquet file in a MergeTree table ordered by time, loaded once per data directory (setup, not timed). */
async function ensureLoaded(s) {
  const count = (sql) => Number(s.query(sql, 'TSV').trim());
  const want = count(`SELECT count() FROM file('${parquet}', Parquet)`);
  const exists = count(`SELECT count() FROM system.tables WHERE database = 'default' AND name = 'traffic'`) === 1;
  if (exists && count('SELECT count() FROM traffic') === want) return null;
  const t = Date.now();
  s.query('DROP TABLE IF EXISTS traffic');
  s.query(`CREATE TABLE traffic (id String, ts DateTime64(6, 'UTC'), input String, output Nullable(String), slice Nullable(String),
    judge_score Nullable(Float64), metadata Nullable(String)) ENGINE = MergeTree ORDER BY ts`);
  // ClickHouse reads the Parquet file itself (the file() table function).
  await s.queryAsync(`INSERT INTO traffic SELECT id, timestamp, input, output, slice, judge_score, metadata
    FROM file('${parquet}', Parquet) SETTINGS max_insert_threads = 1, max_threads = 2`);
  s.query('OPTIMIZE TABLE traffic FINAL');
  return { seconds: (Date.now() - t) / 1000, rows: count('SELECT count() FROM traffic') };
}

const store = await Store.open(dbPath);
let source;
if (engine === 'duckdb') {
  // The same rows serialized as JSONEachRow would be: what would cross if the store were remote.
  source = metered(storeTrafficSource(store), (rows) => rows.reduce((s, r) => s + Buffer.byteLength(jsonLine(r)) + 1, 0));
} else {
  const executor = async (sql) => {
    sqls.push(sql);
    const r = await session.queryAsync(sql, { format: 'JSONEachRow' });
    const text = r.text();
    meter.bytes += Buffer.byteLength(text);
    meter.engine_s += r.elapsed;
    return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  };
  const config = ClickHouseSourceSchema.parse({ kind: 'clickhouse', url: 'http://127.0.0.1:8123', table: 'traffic' });
  source = metered(clickhouseTrafficSource(config, executor), null);
}

const t0 = process.hrtime.bigint();
const shadow = await buildShadowSet(store, { goldSet: GOLD, window: '7d', now, size: Number(size), actor: 'bench', source });
const afterShadow = process.hrtime.bigint();
const report = await driftReport(store, { goldSet: GOLD, shadowId: shadow.shadow_id, corrector, source });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const shadowSeconds = Number(afterShadow - t0) / 1e9;
const trafficMeter = { ...meter };
// Rows each traffic query reads from the table after primary-key pruning (ClickHouse's EXPLAIN
// ESTIMATE: the granules it will read; chdb's rowsRead counts result rows). Untimed.
if (session !== undefined) {
  try {
    trafficMeter.rows_scanned = 0;
    for (const sql of sqls) {
      for (const line of session.query(`EXPLAIN ESTIMATE ${sql}`, 'JSONEachRow').split('\n').filter((l) => l.trim() !== '')) trafficMeter.rows_scanned += Number(JSON.parse(line).rows);
    }
  } catch (error) {
    trafficMeter.rows_scanned = null;
    notes.push(`EXPLAIN ESTIMATE failed: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
  }
}

// What the parent compares (untimed): the strata, the shadow items and the report.
const items = await store.all(`SELECT * EXCLUDE (shadow_id, traffic_seq, batch_id) FROM shadow_items WHERE shadow_id = '${shadow.shadow_id}' ORDER BY item_id`);
const { shadow_id: _id, ...reportBody } = report;
writeFileSync(outPath, jsonLine({
  engine, seconds, shadow_seconds: shadowSeconds, meter: trafficMeter, load, notes,
  shadow: { n_window: shadow.n_window, n_candidates: shadow.n_candidates, n_duplicates: shadow.n_duplicates, n_items: shadow.n_items, strata: shadow.strata, content_hash: shadow.content_hash, source: shadow.params?.source ?? null },
  items, report: reportBody,
}));
session?.close();
store.close();
