import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { DRIFTED, writeDriftFixture } from './helpers/drift-fixture.js';

const tmp = tempDir('touchstone-shadow-');
const db = join(tmp.dir, 'a.duckdb');
const shuffledDb = join(tmp.dir, 'b.duckdb');
const ts = (args: string[], store = db) => runCli(['--db', store, ...args], { cwd: tmp.dir });

beforeAll(async () => {
  const f = writeDriftFixture(tmp.dir);
  // The same traffic ingested in reverse order into a second store: sampling must not depend on order.
  const reversed = join(tmp.dir, 'traffic-reversed.jsonl');
  writeFileSync(reversed, `${readFileSync(f.traffic, 'utf8').trim().split('\n').reverse().join('\n')}\n`);
  for (const [store, traffic] of [[db, f.traffic], [shuffledDb, reversed]] as const) {
    expect((await ts(['ingest', 'labels', f.labels, '--gold', 'support', '--scale', 'binary'], store)).code).toBe(0);
    expect((await ts(['ingest', 'traffic', traffic], store)).code).toBe(0);
  }
  // The judge scored every gold item (its verdict agrees with the majority 90% of the time): a calibration.
  const labels = readFileSync(f.labels, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { item_id: string; label: number; labeler_id: string });
  const judge = labels.filter((l) => l.labeler_id === 'ann').map((l, i) => JSON.stringify({ item_id: l.item_id, score: i % 10 === 0 ? 1 - l.label : l.label }));
  writeFileSync(join(tmp.dir, 'judge.jsonl'), `${judge.join('\n')}\n`);
  expect((await ts(['ingest', 'judge', join(tmp.dir, 'judge.jsonl'), '--judge', 'judge-v1', '--gold', 'support'])).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('touchstone shadow build / list / show', () => {
  it('builds a redacted, versioned set with provenance; the same traffic and seed give the same hash in any ingest order', async () => {
    const args = ['shadow', 'build', '--gold', 'support', '--window', '7d', '--now', DRIFTED, '--size', '300', '--seed', '42', '--json'];
    const a = await ts(args);
    expect(a.code).toBe(0);
    const set = JSON.parse(a.stdout) as { shadow_id: string; version: number; n_items: number; content_hash: string; source_batches: number[]; params: { seed: string; pii_rules: string[] }; redactions: Record<string, number>; window_start: string; reused: boolean };
    expect(set).toMatchObject({ version: 1, n_items: 300, window_start: '2026-02-22T00:00:00.000Z', reused: false });
    expect(set.params.pii_rules).toEqual(['email', 'ipv6', 'ipv4', 'iban', 'card', 'ssn', 'phone']);
    expect(set.source_batches).toEqual([2]);
    const b = await ts(args, shuffledDb);
    expect((JSON.parse(b.stdout) as { content_hash: string }).content_hash).toBe(set.content_hash);
    const again = await ts(args);
    expect(JSON.parse(again.stdout)).toMatchObject({ shadow_id: set.shadow_id, reused: true, version: 1 });
    const other = await ts(['shadow', 'build', '--gold', 'support', '--now', DRIFTED, '--size', '300', '--seed', '43', '--json']);
    expect(JSON.parse(other.stdout)).toMatchObject({ version: 2 });
    const list = await ts(['shadow', 'list', '--gold', 'support']);
    expect(list.stdout).toContain(set.shadow_id);
    const show = await ts(['shadow', 'show', set.shadow_id]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`content hash ${set.content_hash}`);
    expect((await ts(['shadow', 'show', 'sh-nope'])).code).toBe(3);
  });

  it('rejects bad options with exit 2 and an unknown gold set with exit 3', async () => {
    const bad = await ts(['shadow', 'build', '--gold', 'support', '--window', 'a week', '--now', DRIFTED]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--window');
    const strat = await ts(['shadow', 'build', '--gold', 'support', '--stratify-by', 'model']);
    expect(strat.code).toBe(2);
    const unknown = await ts(['shadow', 'build', '--gold', 'nosuch', '--now', DRIFTED]);
    expect(unknown.code).toBe(3);
  });
});

describe('touchstone drift', () => {
  it('reports the newest shadow set, exits 1 on an alert, and corrects the shadow pass rate with the gold judge calibration', async () => {
    const r = await ts(['drift', '--gold', 'support', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { status: string; pass_rate: { corrected_shadow: { estimate: number; ci: [number, number]; judge: string; n_calibration: number } | null; shadow: number }; thresholds: Record<string, number> };
    expect(doc.status).toBe('alert');
    expect(doc.pass_rate.corrected_shadow).not.toBeNull();
    expect(doc.pass_rate.corrected_shadow!.judge).toBe('judge-v1');
    expect(doc.pass_rate.corrected_shadow!.n_calibration).toBeGreaterThan(250);
    expect(doc.pass_rate.corrected_shadow!.ci[0]).toBeLessThanOrEqual(doc.pass_rate.corrected_shadow!.estimate);
    expect(doc.thresholds).toMatchObject({ q: 0.05, psi_warn: 0.1, psi_alert: 0.25, js_distance: 0.1 });
    const strict = await ts(['drift', '--gold', 'support', '--js-distance', '0.9', '--psi-alert', '50', '--ks-d', '1', '--pass-rate-diff', '1', '--json']);
    const s = JSON.parse(strict.stdout) as { thresholds: Record<string, number>; alerts: { kind: string }[] };
    expect(s.thresholds['js_distance']).toBe(0.9);
    expect(s.alerts.map((a) => a.kind)).not.toContain('slice_mix');
    const text = await ts(['drift', '--gold', 'support']);
    expect(text.stdout).toMatch(/^drift of shadow set sh-/);
    expect(text.stdout).toContain('coverage:');
  });

  it('names the missing shadow set and how to make one', async () => {
    const fresh = join(tmp.dir, 'empty.duckdb');
    const f = writeDriftFixture(join(tmp.dir));
    expect((await ts(['ingest', 'labels', f.labels, '--gold', 'support', '--scale', 'binary'], fresh)).code).toBe(0);
    const r = await ts(['drift', '--gold', 'support'], fresh);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('touchstone shadow build --gold support');
  });
});
