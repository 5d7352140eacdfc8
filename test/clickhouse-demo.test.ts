import { join } from 'node:path';
import { Session } from 'chdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShadowSet, driftReport, ingestJudge, ingestLabels, ingestTraffic, parseScaleSpec, storeTrafficSource, Store, type TrafficSource } from '@touchstone/core';
import { ClickHouseSourceSchema, clickhouseFailure, clickhouseTrafficSource, columnCheckSql, type ClickHouseExecutor } from '@touchstone/core/clickhouse';
import { DEFAULT_SEED, generateDemo, GOLD_SET, JUDGE, PASS_THRESHOLD, SCALE_SPEC } from '@touchstone/datasets';
import { tempDir } from './helpers/cli.js';

// Issue 15: the demo's 50,000 production requests in the store and in a real ClickHouse engine
// (chdb, in-process, no server); the ClickHouse SQL must give the same aggregates, the same seeded
// shadow set and the same drift report. Bad source settings are named by setting.
const tmp = tempDir('touchstone-ch-demo-');
let store: Store;
let session: Session;
let duck: TrafficSource;
let ch: TrafficSource;
let end: string;
const run = (s: Session): ClickHouseExecutor => async (sql) =>
  s.query(sql, 'JSONEachRow').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  const { files, manifest } = generateDemo({ seed: DEFAULT_SEED, outDir: join(tmp.dir, 'demo') });
  end = manifest.planted.traffic.end;
  store = await Store.open(join(tmp.dir, 'store.duckdb'));
  await ingestLabels(store, { file: files.labels, actor: 't', goldSet: GOLD_SET, scale: parseScaleSpec(SCALE_SPEC, PASS_THRESHOLD) });
  await ingestJudge(store, { file: files.judge, actor: 't', judge: JUDGE, goldSet: GOLD_SET });
  await ingestTraffic(store, { file: files.traffic, actor: 't' });
  duck = storeTrafficSource(store);
  session = new Session();
  session.query(`CREATE TABLE traffic (id String, ts DateTime64(6, 'UTC'), input String, output Nullable(String), slice Nullable(String),
    judge_score Nullable(Float64), metadata Nullable(String)) ENGINE = MergeTree ORDER BY ts`);
  // The rows as the store holds them (its ingest normalizes times and metadata), so both engines see one traffic.
  const rows = await store.all<{ id: string; ts: string; input: string; output: string | null; slice: string | null; judge_score: number | null; metadata: string | null }>(
    `SELECT id, strftime(ts, '%Y-%m-%d %H:%M:%S.%g') AS ts, input, output, slice, judge_score, metadata FROM traffic ORDER BY seq`);
  expect(rows.length).toBe(manifest.counts.traffic);
  session.query(`INSERT INTO traffic FORMAT JSONEachRow ${rows.map((r) => JSON.stringify(r)).join('\n')}`);
  ch = clickhouseTrafficSource(ClickHouseSourceSchema.parse({ kind: 'clickhouse', url: 'http://127.0.0.1:8123', table: 'traffic' }), run(session));
}, 600_000);
afterAll(() => {
  session?.cleanup();
  store?.close();
  tmp.cleanup();
});

describe('the demo traffic in DuckDB and in ClickHouse (chdb)', () => {
  it('the same aggregates for the last week: strata, slices, metadata counts, span', async () => {
    const window = { start: new Date(Date.parse(end) - 7 * 86_400_000).toISOString(), end: new Date(Date.parse(end)).toISOString() };
    for (const by of ['slice', 'metadata.model', 'metadata.prompt_version']) expect(await ch.strata(window, by, PASS_THRESHOLD)).toEqual(await duck.strata(window, by, PASS_THRESHOLD));
    const bySlice = <T extends { slice: string | null }>(rows: T[]) => [...rows].sort((a, b) => String(a.slice).localeCompare(String(b.slice)));
    expect(bySlice(await ch.windowSlices(window))).toEqual(bySlice(await duck.windowSlices(window)));
    const request = { keys: ['model', 'prompt_version'], window, baselineStart: new Date(Date.parse(window.start) - 21 * 86_400_000).toISOString(), turnoverStart: new Date(Date.parse(window.start) - 7 * 86_400_000).toISOString(), topK: 20 };
    const counts = await duck.metadataCounts(request);
    expect(counts.length).toBeGreaterThan(0);
    expect(await ch.metadataCounts(request)).toEqual(counts);
    expect(await ch.span()).toEqual(await duck.span());
  });
  it('the same shadow set (seeded sample and weights) and the same drift report', async () => {
    const params = { goldSet: GOLD_SET, window: '7d', now: end, seed: 1, actor: 't' };
    const local = await buildShadowSet(store, params);
    const remote = await buildShadowSet(store, { ...params, source: ch });
    const items = (id: string) => store.all(`SELECT * EXCLUDE (shadow_id, traffic_seq, batch_id, embedding) FROM shadow_items WHERE shadow_id = '${id}' ORDER BY item_id`);
    const a = await items(local.shadow_id);
    expect(a.length).toBeGreaterThan(300);
    expect(await items(remote.shadow_id)).toEqual(a);
    const strip = ({ shadow_id: _s, ...r }: Awaited<ReturnType<typeof driftReport>>) => r;
    const fromStore = await driftReport(store, { goldSet: GOLD_SET, shadowId: local.shadow_id });
    const fromClickHouse = await driftReport(store, { goldSet: GOLD_SET, shadowId: remote.shadow_id, source: ch });
    expect(fromStore.alerts.length).toBeGreaterThan(0);
    expect(strip(fromClickHouse)).toEqual(strip(fromStore));
  });
  it('a missing column and a column of the wrong type are named by setting', async () => {
    const where = { url: 'http://127.0.0.1:8123', database: 'default', table: 'traffic' };
    const attempt = async (columns: Record<string, string>, extra: Record<string, unknown> = {}) => {
      const config = ClickHouseSourceSchema.parse({ kind: 'clickhouse', url: where.url, table: 'traffic', columns, ...extra });
      try {
        await run(session)(columnCheckSql(config));
        return null;
      } catch (error) {
        return clickhouseFailure(error, where);
      }
    };
    expect(await attempt({})).toBeNull();
    const missing = await attempt({ slice: 'intent' });
    expect(missing?.code).toBe('TRAFFIC_SOURCE_COLUMN');
    expect(missing?.message).toContain('traffic_source.columns');
    // metadata declared a Map (Langfuse's shape) where the table holds JSON text.
    const wrongType = await attempt({}, { metadata_format: 'map' });
    expect(wrongType?.code).toBe('TRAFFIC_SOURCE_TYPE');
    const config = ClickHouseSourceSchema.parse({ kind: 'clickhouse', url: where.url, table: 'trafic' });
    await expect(run(session)(columnCheckSql(config)).catch((e: unknown) => { throw clickhouseFailure(e, { ...where, table: 'trafic' }); })).rejects.toMatchObject({ code: 'TRAFFIC_SOURCE_TABLE' });
  });
});
