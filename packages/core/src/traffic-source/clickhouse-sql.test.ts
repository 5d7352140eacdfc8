import { Session } from 'chdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftReport } from '../drift/drift.js';
import { buildShadowSet } from '../shadow/build-shadow-set.js';
import { fixtureStore, requestText, type TrafficRow } from '../shadow/test-helpers/fixture-store.js';
import type { Store } from '../store/store.js';
import { ClickHouseSourceSchema } from './clickhouse-config.js';
import { clickhouseTrafficSource, type ClickHouseExecutor } from './clickhouse-traffic-source.js';
import { storeTrafficSource } from './store-traffic-source.js';
import type { TrafficSource } from './traffic-source.js';

// The ClickHouse builders run on a real ClickHouse engine in-process (chdb, no server), loaded with
// the same traffic as the store; every aggregate and the seeded sample must come out identical.
const SLICES = ['billing', 'login', 'shipping', 'returns', 'crypto'];
const MODELS = ['gpt-a', 'gpt-b', 'claude-c'];
const T0 = Date.parse('2025-06-01T00:00:00Z');
const traffic: TrafficRow[] = Array.from({ length: 3000 }, (_, i) => {
  const slice = SLICES[(i * 7) % 5] as string;
  // crypto only in the last two weeks, a new model in the last week: unseen values to count.
  const day = slice === 'crypto' ? 42 + (i % 14) : i % 56;
  const ms = T0 + day * 86_400_000 + ((i * 7919) % 86_400) * 1000 + (i % 1000);
  const model = day >= 49 && i % 3 === 0 ? 'gpt-new' : (MODELS[i % 3] as string);
  return {
    id: `r${i}`, // unique: the store refuses one id with two contents (issue 12), so both engines hold the same rows
    timestamp: new Date(ms).toISOString(),
    input: requestText(slice, i),
    ...(i % 11 === 0 ? {} : { output: `answer ${i} ✓` }),
    ...(i % 13 === 0 ? {} : { slice }),
    ...(i % 5 === 0 ? {} : { judge_score: (i % 5) + (i % 7) / 10 }),
    ...(i % 17 === 0 ? {} : { metadata: { model, ...(i % 2 === 0 ? { locale: i % 4 === 0 ? 'en' : 'de' } : {}) } }),
  };
});
const WINDOW = { start: '2025-07-20T00:00:00.000Z', end: '2025-07-27T00:00:00.000Z' };

let store: Store;
let cleanup: () => void;
let session: Session;
let duck: TrafficSource;
let json: TrafficSource;
let map: TrafficSource;

const executor = (s: Session): ClickHouseExecutor => async (sql) => {
  const text = s.query(sql, 'JSONEachRow');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
};

beforeAll(async () => {
  ({ store, cleanup } = await fixtureStore(SLICES.slice(0, 4).flatMap((sl) => Array.from({ length: 20 }, (_, i) => ({ item_id: `${sl}-${i}`, slice: sl, pass: i % 4 !== 0, input: requestText(sl, 5000 + i) }))), traffic));
  duck = storeTrafficSource(store);
  session = new Session();
  session.query(`CREATE TABLE traffic (id String, ts DateTime64(6, 'UTC'), input String, output Nullable(String), slice Nullable(String),
    judge_score Nullable(Float64), metadata Nullable(String)) ENGINE = MergeTree ORDER BY ts`);
  // Langfuse v3's traces shape: timestamp, name as the slice, metadata as Map(LowCardinality(String), String).
  session.query(`CREATE TABLE traces (id String, timestamp DateTime64(3, 'UTC'), name String, metadata Map(LowCardinality(String), String),
    input Nullable(String), output Nullable(String), project_id String, is_deleted UInt8, score Nullable(Float64)) ENGINE = MergeTree ORDER BY timestamp`);
  const rows = traffic.map((t) => ({ id: t.id, ts: t.timestamp.replace('T', ' ').replace('Z', ''), input: t.input, output: t.output ?? null, slice: t.slice ?? null, judge_score: t.judge_score ?? null, metadata: t.metadata === undefined ? null : JSON.stringify(t.metadata) }));
  session.query(`INSERT INTO traffic FORMAT JSONEachRow ${rows.map((r) => JSON.stringify(r)).join('\n')}`);
  const traces = traffic.map((t) => ({ id: t.id, timestamp: t.timestamp.replace('T', ' ').replace('Z', ''), name: t.slice ?? '', metadata: t.metadata ?? {}, input: t.input, output: t.output ?? null, project_id: 'p1', is_deleted: 0, score: t.judge_score ?? null }));
  // A deleted row and another project's row: the configured filter must leave them out.
  traces.push({ ...traces[0]!, id: 'gone', is_deleted: 1 }, { ...traces[1]!, id: 'other', project_id: 'p2' });
  session.query(`INSERT INTO traces FORMAT JSONEachRow ${traces.map((r) => JSON.stringify(r)).join('\n')}`);
  const config = ClickHouseSourceSchema.parse({ kind: 'clickhouse', url: 'http://127.0.0.1:8123', table: 'traffic' });
  json = clickhouseTrafficSource(config, executor(session));
  const langfuse = ClickHouseSourceSchema.parse({
    kind: 'clickhouse', url: 'http://127.0.0.1:8123', table: 'traces', metadata_format: 'map', where: "is_deleted = 0 AND project_id = 'p1'",
    columns: { ts: 'timestamp', slice: "nullIf(name, '')", judge_score: 'score' },
  });
  map = clickhouseTrafficSource(langfuse, executor(session));
}, 600_000);

afterAll(() => {
  session?.cleanup();
  cleanup?.();
});

describe('ClickHouse traffic source (chdb) against the store', () => {
  it('reads the seeded order as DuckDB md5_number does', async () => {
    const text = ['a|1|0', 'r17|1750000000123|seed', 'ünï|0|x'];
    for (const t of text) {
      const [d] = await store.all<{ n: string }>(`SELECT md5_number('${t}')::VARCHAR AS n`);
      const [c] = await executor(session)(`SELECT toString(reinterpretAsUInt128(MD5('${t}'))) AS n`);
      expect(c?.['n']).toBe(d?.n);
    }
  });
  for (const [name, source] of [['json metadata', () => json], ['Langfuse traces (map metadata, filtered)', () => map]] as const) {
    it(`${name}: strata by slice and by a metadata key`, async () => {
      for (const by of ['slice', 'metadata.model', 'metadata.locale']) {
        expect(await source().strata(WINDOW, by, 2.5)).toEqual(await duck.strata(WINDOW, by, 2.5));
      }
    });
    it(`${name}: the same seeded candidates per stratum`, async () => {
      const limits = new Map([['billing', 40], ['crypto', 25], ['(none)', 10], ['login', 0]]);
      const strip = (rows: Awaited<ReturnType<TrafficSource['candidates']>>) => rows.map(({ seq: _s, batch_id: _b, metadata, ...r }) => ({ ...r, metadata: metadata === null ? null : JSON.parse(metadata) as unknown }));
      const d = await duck.candidates(WINDOW, 'slice', '7', limits);
      expect(d.length).toBe(75);
      expect(strip(await source().candidates(WINDOW, 'slice', '7', limits))).toEqual(strip(d));
      const byModel = new Map([['gpt-new', 30], ['gpt-a', 5]]);
      expect(strip(await source().candidates(WINDOW, 'metadata.model', 'x', byModel))).toEqual(strip(await duck.candidates(WINDOW, 'metadata.model', 'x', byModel)));
    });
    it(`${name}: slices in the window and each slice's last request before it`, async () => {
      const order = <T extends { slice: string | null }>(rows: T[]) => [...rows].sort((a, b) => String(a.slice).localeCompare(String(b.slice)));
      expect(order(await source().windowSlices(WINDOW))).toEqual(order(await duck.windowSlices(WINDOW)));
    });
    it(`${name}: metadata counts with unseen values and turnover`, async () => {
      const request = { keys: ['locale', 'model'], window: WINDOW, baselineStart: '2025-06-29T00:00:00.000Z', turnoverStart: '2025-07-13T00:00:00.000Z', topK: 2 };
      const rows = await duck.metadataCounts(request);
      expect(rows.some((r) => r.value === 'gpt-new' || r.value === '(other)')).toBe(true);
      expect(await source().metadataCounts(request)).toEqual(rows);
    });
    it(`${name}: window metadata values against gold's`, async () => {
      const gold = [{ key: 'model', value: 'gpt-a', half: 'A' as const }, { key: 'model', value: 'gpt-b', half: 'B' as const }, { key: 'locale', value: 'en', half: 'A' as const }];
      const rows = await duck.windowVsGoldMetadata(gold, WINDOW, 2);
      expect(rows.some((r) => r.unseen)).toBe(true);
      expect(await source().windowVsGoldMetadata(gold, WINDOW, 2)).toEqual(rows);
    });
    it(`${name}: the span of the traffic`, async () => {
      expect(await source().span()).toEqual(await duck.span());
    });
  }
});

describe('a drift report from ClickHouse traffic', () => {
  it('equals the one from the store: same shadow items (seeded sample, weights), same findings', async () => {
    const params = { goldSet: 'support', window: '7d', now: '2025-07-27T00:00:00Z', size: 200, actor: 't', seed: 3 };
    const local = await buildShadowSet(store, params);
    const remote = await buildShadowSet(store, { ...params, source: map });
    expect(remote.params.source).toBe('clickhouse:default.traces');
    expect(local.params.source).toBeUndefined();
    const items = async (id: string) => store.all(`SELECT * EXCLUDE (shadow_id, traffic_seq, batch_id) FROM shadow_items WHERE shadow_id = '${id}' ORDER BY item_id`);
    const a = await items(local.shadow_id);
    expect(a.length).toBeGreaterThan(100);
    expect(await items(remote.shadow_id)).toEqual(a);
    const strip = ({ shadow_id: _s, ...r }: Awaited<ReturnType<typeof driftReport>>) => r;
    const fromStore = await driftReport(store, { goldSet: 'support', shadowId: local.shadow_id });
    const fromClickHouse = await driftReport(store, { goldSet: 'support', shadowId: remote.shadow_id, source: map });
    expect(fromStore.alerts.length).toBeGreaterThan(0);
    expect(strip(fromClickHouse)).toEqual(strip(fromStore));
  });
});
