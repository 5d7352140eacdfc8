import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '@touchstone/core';
import { DRIFT_CHECK, runCli, tempDir } from './helpers/cli.js';
import { CALM, DRIFTED, ingestDriftFixture } from './helpers/drift-fixture.js';

const tmp = tempDir('touchstone-drift-');
const seeded = join(tmp.dir, 'seeded.duckdb');
let n = 0;
/** A fresh copy of the seeded store, so tests do not see each other's runs. */
function freshDb(): string {
  const db = join(tmp.dir, `store-${n++}.duckdb`);
  copyFileSync(seeded, db);
  return db;
}
const check = (args: string[]) => runCli(args, { bin: DRIFT_CHECK, cwd: tmp.dir });

beforeAll(async () => {
  await ingestDriftFixture(tmp.dir, seeded);
});
afterAll(() => tmp.cleanup());

describe('drift-check (the cron binary) on a real store', () => {
  it('exits 0 on a window drawn like gold and 1 on the drifted one, with the documented JSON fields', async () => {
    const db = freshDb();
    const calm = await check(['--db', db, '--gold', 'support', '--window', '7d', '--now', CALM, '--json']);
    expect(calm.stderr).toBe('');
    expect(calm.code).toBe(0);
    const ok = JSON.parse(calm.stdout) as Record<string, unknown>;
    expect(ok['status']).toBe('ok');
    expect(ok['alerts']).toEqual([]);

    const drifted = await check(['--db', db, '--gold', 'support', '--window', '7d', '--now', DRIFTED, '--json']);
    expect(drifted.code).toBe(1);
    const doc = JSON.parse(drifted.stdout) as {
      status: string; alerts: { kind: string; slice: string | null; message: string; effect: number; q_value: number }[];
      pass_rate: { gold: number; shadow: number; diff: number; ci: [number, number]; gold_human: number };
      pass_rule: { threshold: number; source: string };
      slices: { slice: string; gold_share: number; shadow_share: number }[];
      coverage_gaps: { size: number; share: number; examples: string[] }[]; stale_gold: unknown[];
      history: { run_id: number; status: string }[]; run_id: number;
    };
    expect(doc.status).toBe('alert');
    for (const a of doc.alerts) {
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['kind', 'slice', 'message', 'effect', 'q_value']));
      expect(a.q_value).toBeLessThan(0.05);
    }
    const kinds = doc.alerts.map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['unseen_slice', 'metadata_unseen', 'coverage_gap']));
    expect(doc.alerts.find((a) => a.kind === 'unseen_slice')?.slice).toBe('crypto');
    expect(doc.pass_rate.diff).toBeCloseTo(doc.pass_rate.gold - doc.pass_rate.shadow, 12);
    expect(doc.pass_rate.ci[0]).toBeLessThan(doc.pass_rate.diff);
    // The judge on both sides: about 94% of gold, 94% → 84% on traffic (crypto requests carry no judge difference).
    expect(doc.pass_rate.gold).toBeGreaterThan(0.9);
    expect(doc.pass_rule).toMatchObject({ threshold: 0.5, source: 'gold set' });
    const rate = doc.alerts.find((a) => a.kind === 'pass_rate');
    expect(rate?.message).toMatch(/^judge on shadow traffic [\d.]+% vs judge on gold [\d.]+%: shadow −[\d.]+ pts \(95% CI −[\d.]+ pts … −[\d.]+ pts\)/);
    expect(doc.slices.find((s) => s.slice === 'crypto')).toMatchObject({ gold_share: 0 });
    expect(doc.slices.find((s) => s.slice === 'crypto')!.shadow_share).toBeGreaterThan(0.1);
    expect(doc.coverage_gaps.length).toBeGreaterThan(0);
    expect(doc.coverage_gaps[0]!.examples.join(' ')).toMatch(/ethereum|bitcoin|nft|coins|crypto/);
    expect(doc.stale_gold).toEqual([]);
    expect(doc.history.map((h) => h.status)).toEqual(['alert', 'ok']);
    expect(JSON.stringify(doc)).not.toContain('jo.smith@example.org');
  });

  it('writes a Markdown summary and gives the same verdict as `touchstone drift-check`', async () => {
    const db = freshDb();
    const md = join(tmp.dir, 'summary.md');
    const r = await check(['--db', db, '--gold', 'support', '--now', DRIFTED, '--markdown', md]);
    expect(r.code).toBe(1);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^## 🔴 drift-check: \d+ alerts — gold set `support`/);
    expect(text).toContain('| kind | slice | effect | q | finding |');
    expect(text).toContain('**Coverage gaps**');
    const viaTouchstone = await runCli(['--db', db, 'drift-check', '--gold', 'support', '--now', DRIFTED, '--json'], { cwd: tmp.dir });
    expect(viaTouchstone.code).toBe(1);
    expect((JSON.parse(viaTouchstone.stdout) as { history: unknown[] }).history).toHaveLength(2);
  });

  it('reads touchstone.config.json; an unknown key or a missing gold set exits 2 with the key named', async () => {
    const db = freshDb();
    // In its own folder: the default ./touchstone.config.json must not leak into the other tests.
    const cfgDir = join(tmp.dir, 'cfg');
    mkdirSync(cfgDir, { recursive: true });
    const cfg = join(cfgDir, 'touchstone.config.json');
    writeFileSync(cfg, JSON.stringify({ db, drift_check: { gold: 'support' }, shadow: { window: '7d', size: 300 }, drift: { thresholds: { psi_alert: 0.3 } } }));
    const ok = await runCli(['--now', CALM, '--json'], { bin: DRIFT_CHECK, cwd: cfgDir });
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { shadow_set: { params: { size: number } } }).shadow_set.params.size).toBe(300);
    writeFileSync(cfg, JSON.stringify({ db, drift_check: { gold: 'support', webhok: 'x' } }));
    const bad = await runCli(['--now', CALM], { bin: DRIFT_CHECK, cwd: cfgDir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown key "drift_check.webhok"');
    const noGold = await check(['--db', db, '--now', CALM, '--config', join(tmp.dir, 'absent.json')]);
    expect(noGold.code).toBe(2);
    expect(noGold.stderr).toContain('does not exist');
    const noGoldAtAll = await check(['--db', db, '--now', CALM]);
    expect(noGoldAtAll.code).toBe(2);
    expect(noGoldAtAll.stderr).toMatch(/--gold NAME/);
  });

  it('a bad flag value exits 2 and says why (on stderr, and as the JSON error under --json)', async () => {
    const db = freshDb();
    const bad = await check(['--db', db, '--gold', 'support', '--size', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--size expects a number, got "abc"');
    const json = await check(['--db', db, '--gold', 'support', '--q', 'abc', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'BAD_OPTION', category: 'usage' }, exit_code: 2 });
    // The touchstone binary reports a bad flag the same way, whichever command parses it.
    const drift = await runCli(['--db', db, 'drift', '--gold', 'support', '--q', 'abc', '--json']);
    expect(drift.code).toBe(2);
    expect(JSON.parse(drift.stdout)).toMatchObject({ error: { code: 'BAD_OPTION' }, exit_code: 2 });
  });

  it('exits 3 on data and store errors: no store, unknown gold set, empty window', async () => {
    const missing = await check(['--db', join(tmp.dir, 'nope', 'x.duckdb'), '--gold', 'support', '--now', CALM, '--json']);
    expect(missing.code).toBe(3);
    expect((JSON.parse(missing.stdout) as { error: { code: string } }).error.code).toBe('STORE_NOT_FOUND');
    expect(existsSync(join(tmp.dir, 'nope'))).toBe(false);
    const db = freshDb();
    const unknown = await check(['--db', db, '--gold', 'nosuch', '--now', CALM]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('no gold set named "nosuch"');
    const empty = await check(['--db', db, '--gold', 'support', '--now', '2025-01-01T00:00:00Z']);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/no traffic in the window .*\(traffic spans 2026-02-01/);
  });
});

describe('drift-check webhook', () => {
  let server: Server;
  let url = '';
  const received: { body: Record<string, unknown>; type: string | undefined }[] = [];
  let failNext = 0;
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        received.push({ body: JSON.parse(data) as Record<string, unknown>, type: req.headers['content-type'] });
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end('boom');
        } else res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts a Slack-compatible body to a local server, retries once after a failure', async () => {
    const db = freshDb();
    received.length = 0;
    const r = await check(['--db', db, '--gold', 'support', '--now', DRIFTED, '--webhook', url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(received).toHaveLength(1);
    expect(received[0]!.type).toBe('application/json');
    const body = received[0]!.body as { text: string; blocks: { type: string; text: { type: string; text: string } }[]; touchstone: { status: string } };
    expect(body.text).toMatch(/^drift-check ALERT \(\d+\) for gold set support/);
    expect(body.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(body.touchstone.status).toBe('alert');

    received.length = 0;
    failNext = 1;
    const retried = await check(['--db', db, '--gold', 'support', '--now', CALM, '--webhook', url]);
    expect(retried.code).toBe(0);
    expect(received).toHaveLength(2);
    expect(retried.stderr).toBe('');
  });

  it('a failed post warns on stderr and loses nothing: exit code, stdout and stored run unchanged', async () => {
    const db = freshDb();
    received.length = 0;
    failNext = 2;
    const r = await check(['--db', db, '--gold', 'support', '--now', DRIFTED, '--webhook', url, '--json', '--webhook-timeout', '30000']);
    expect(r.code).toBe(1);
    expect(received).toHaveLength(2);
    expect(r.stderr).toMatch(/warning: webhook .* failed after 2 attempts \(HTTP 500\); run #1 is stored and printed/);
    expect((JSON.parse(r.stdout) as { run_id: number }).run_id).toBe(1);
    const dead = await check(['--db', db, '--gold', 'support', '--now', CALM, '--webhook', 'http://127.0.0.1:9/none', '--webhook-timeout', '1000']);
    expect(dead.code).toBe(0);
    expect(dead.stderr).toMatch(/warning: webhook .* failed after 2 attempts/);
    const store = await Store.open(db, { readOnly: true });
    try {
      expect(await store.all('SELECT run_id, status FROM drift_runs ORDER BY run_id')).toEqual([{ run_id: 1, status: 'alert' }, { run_id: 2, status: 'ok' }]);
    } finally {
      store.close();
    }
  });
});

describe('drift-check concurrency', () => {
  it('exits 3 with a clear message while another process holds the store, and waits with --wait', async () => {
    const db = freshDb();
    const holder = await Store.open(db);
    try {
      const busy = await check(['--db', db, '--gold', 'support', '--now', CALM]);
      expect(busy.code).toBe(3);
      expect(busy.stderr).toMatch(/is in use by another Touchstone process .* retry when it finishes, or pass --wait/);
      const waiting = check(['--db', db, '--gold', 'support', '--now', CALM, '--wait', '--json']);
      await new Promise((r) => setTimeout(r, 1500));
      holder.close();
      const done = await waiting;
      expect(done.code).toBe(0);
      expect((JSON.parse(done.stdout) as { run_id: number }).run_id).toBe(1);
    } finally {
      try {
        holder.close();
      } catch {
        // already closed
      }
    }
  });

  it('two runs started together: each finishes or exits 3 cleanly, and the store stays consistent', async () => {
    const db = freshDb();
    const args = ['--db', db, '--gold', 'support', '--now', DRIFTED, '--json'];
    const [a, b] = await Promise.all([check(args), check(args)]);
    const results = [a, b];
    for (const r of results) {
      expect([1, 3]).toContain(r.code);
      if (r.code === 3) expect(r.stderr).toMatch(/in use by another Touchstone process/);
      else expect((JSON.parse(r.stdout) as { status: string }).status).toBe('alert');
    }
    const finished = results.filter((r) => r.code === 1).length;
    expect(finished).toBeGreaterThanOrEqual(1);
    const store = await Store.open(db, { readOnly: true });
    try {
      expect((await store.all<{ n: number }>('SELECT count(*) AS n FROM drift_runs'))[0]?.n).toBe(finished);
      const sets = await store.all<{ n: number; items: number }>('SELECT count(*) AS n, sum(n_items) AS items FROM shadow_sets');
      const items = await store.all<{ n: number }>('SELECT count(*) AS n FROM shadow_items');
      expect(sets[0]?.n).toBe(1);
      expect(items[0]?.n).toBe(sets[0]?.items);
    } finally {
      store.close();
    }
    const verify = await runCli(['--db', db, 'verify']);
    expect(verify.code).toBe(0);
  });
});
