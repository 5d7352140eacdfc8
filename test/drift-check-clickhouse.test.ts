import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIFT_CHECK, runCli, tempDir } from './helpers/cli.js';
import { DRIFTED, ingestDriftFixture } from './helpers/drift-fixture.js';

// drift-check with `traffic_source` in touchstone.config.json. The SQL it sends is proven on a real
// ClickHouse engine in core (traffic-source/clickhouse-sql.test.ts, chdb); here the real binary meets
// bad settings, and a real server when TOUCHSTONE_CLICKHOUSE_URL names one.
const tmp = tempDir('touchstone-ch-');
const seeded = join(tmp.dir, 'seeded.duckdb');
let n = 0;
function setup(source: Record<string, unknown>): { db: string; config: string } {
  const db = join(tmp.dir, `store-${n}.duckdb`);
  copyFileSync(seeded, db);
  const config = join(tmp.dir, `config-${n++}.json`);
  writeFileSync(config, JSON.stringify({ traffic_source: source }));
  return { db, config };
}
const check = (args: string[], env: Record<string, string> = {}) => runCli(args, { bin: DRIFT_CHECK, cwd: tmp.dir, env });

beforeAll(async () => {
  await ingestDriftFixture(tmp.dir, seeded);
});
afterAll(() => tmp.cleanup());

describe('drift-check with a ClickHouse traffic source', () => {
  it('an unreachable server: exit 3 naming traffic_source.url, nothing stored', async () => {
    const { db, config } = setup({ kind: 'clickhouse', url: 'http://127.0.0.1:9', table: 'traces', request_timeout_ms: 20_000 });
    const r = await check(['--db', db, '--config', config, '--gold', 'support', '--window', '7d', '--now', DRIFTED, '--json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(doc.error.code).toBe('TRAFFIC_SOURCE_UNREACHABLE');
    expect(doc.error.message).toContain('traffic_source.url');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const shadows = await runCli(['shadow', 'list', '--db', db, '--json'], { cwd: tmp.dir });
    expect(JSON.parse(shadows.stdout)).toEqual([]);
  });
  it('bad settings are named before anything runs (exit 2)', async () => {
    for (const [source, field] of [
      [{ kind: 'clickhouse', url: 'not a url', table: 'traces' }, 'traffic_source.url'],
      [{ kind: 'clickhouse', url: 'http://127.0.0.1:9', table: 'traces; DROP TABLE x' }, 'traffic_source.table'],
      [{ kind: 'clickhouse', url: 'http://127.0.0.1:9', table: 'traces', columns: { ts: 'timestamp', user: 'x' } }, 'traffic_source.columns'],
      [{ kind: 'clickhouse', url: 'http://127.0.0.1:9', table: 'traces', password: 'secret' }, 'traffic_source'],
    ] as const) {
      const { db, config } = setup(source);
      const r = await check(['--db', db, '--config', config, '--gold', 'support', '--window', '7d', '--now', DRIFTED]);
      expect(r.code, JSON.stringify(source)).toBe(2);
      expect(r.stderr).toContain(field);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  const url = process.env['TOUCHSTONE_CLICKHOUSE_URL'];
  if (url === undefined) console.warn('SKIPPED the ClickHouse server test: set TOUCHSTONE_CLICKHOUSE_URL (and TOUCHSTONE_CLICKHOUSE_TABLE, a table with Touchstone traffic columns) to run it');
  it.runIf(url !== undefined)('against a real server: a run is stored with the source recorded', async () => {
    const { db, config } = setup({ kind: 'clickhouse', url, table: process.env['TOUCHSTONE_CLICKHOUSE_TABLE'] ?? 'traffic' });
    const r = await check(['--db', db, '--config', config, '--gold', 'support', '--window', '7d', '--now', DRIFTED, '--json']);
    expect([0, 1]).toContain(r.code);
    const doc = JSON.parse(r.stdout) as { shadow_set: { params: { source?: string } } };
    expect(doc.shadow_set.params.source).toMatch(/^clickhouse:/);
  });
});
