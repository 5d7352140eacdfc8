import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestLabels } from '../ingest/ingest-labels.js';
import { ingestTraffic } from '../ingest/ingest-traffic.js';
import { verify } from '../integrity/verify.js';
import { buildShadowSet } from '../shadow/build-shadow-set.js';
import { requestText } from '../shadow/test-helpers/fixture-store.js';
import { Store } from '../store/store.js';
import { driftReport } from './drift.js';

// Gold items that know where they came from: label records carry item metadata, or the trace id of
// the production request they were sampled from (whose stored metadata they inherit), and an
// embedding. Traffic in the window brings an intent no gold item has; metadata drift must say so
// against gold, fall back to earlier windows (and say so) for keys gold lacks, and every new column
// must sit under the row hash.
const INTENTS = ['billing', 'login', 'shipping', 'returns'];
const vec = (intent: string, i: number): number[] => {
  const k = [...INTENTS, 'crypto'].indexOf(intent);
  return Array.from({ length: 8 }, (_, d) => (d === k ? 1 : 0) + 0.05 * Math.sin(i * 7 + d));
};

let store: Store;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ts-gold-context-'));
  store = await Store.open(join(dir, 'store.duckdb'));
  const traffic: Record<string, unknown>[] = [];
  // Days 1–14 earlier traffic (the requests gold was sampled from among them), days 15–21 the window.
  for (let i = 0; i < 1400; i++) {
    const day = 1 + (i % 21);
    const crypto = day >= 15 && i % 10 === 0;
    const intent = crypto ? 'crypto' : (INTENTS[i % 4] as string);
    traffic.push({
      id: `r${i}`,
      timestamp: `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`,
      input: requestText(intent, i),
      slice: 'all',
      judge_score: 1,
      metadata: { intent, model: day >= 15 ? 'm2' : 'm1', ...(day >= 15 ? { tier: i % 3 === 0 ? 'pro' : 'free' } : {}) },
      embedding: vec(intent, i),
    });
  }
  writeFileSync(join(dir, 'traffic.jsonl'), `${traffic.map((t) => JSON.stringify(t)).join('\n')}\n`);
  await ingestTraffic(store, { file: join(dir, 'traffic.jsonl'), actor: 'test' });
  // 200 gold items: even ones carry their own metadata and embedding, odd ones only the trace id of an early request.
  const early = traffic.filter((t) => String(t['timestamp']) < '2026-03-15');
  const labels = Array.from({ length: 200 }, (_, n) => {
    const source = early[n * 4] as { id: string; input: string; metadata: { intent: string } };
    const i = Number(source.id.slice(1));
    const own = n % 2 === 0 ? { metadata: { intent: source.metadata.intent }, embedding: vec(source.metadata.intent, i) } : { trace_id: source.id };
    return JSON.stringify({ item_id: `g${n}`, labeler_id: 'ann', label: 1, labeled_at: '2026-03-20T00:00:00Z', slice: 'all', input: source.input, ...own });
  });
  writeFileSync(join(dir, 'labels.jsonl'), `${labels.join('\n')}\n`);
  await ingestLabels(store, { file: join(dir, 'labels.jsonl'), actor: 'test', goldSet: 'g', scale: { kind: 'binary' } });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gold items with metadata, trace ids and embeddings', () => {
  it('stores them under the row hash: verify passes, and an edit to one is found', async () => {
    expect((await verify(store)).intact).toBe(true);
    const stored = await store.all<{ n: number; t: number; e: number }>(`SELECT count(metadata) AS n, count(trace_id) AS t, count(embedding) AS e FROM labels`);
    expect(stored[0]).toEqual({ n: 100, t: 100, e: 100 });
    await store.run(`UPDATE labels SET metadata = '{"intent":"crypto"}' WHERE item_id = 'g0'`);
    expect((await verify(store)).intact).toBe(false);
    await store.run(`UPDATE labels SET metadata = '{"intent":"billing"}' WHERE item_id = 'g0'`);
    expect((await verify(store)).intact).toBe(true);
  });

  it('compares traffic with gold on keys gold carries (inherited through trace ids), earlier windows on the rest, and uses embeddings for coverage', async () => {
    await buildShadowSet(store, { goldSet: 'g', window: '7d', now: '2026-03-22T00:00:00Z', size: 300, actor: 'test' });
    const r = await driftReport(store, { goldSet: 'g' });
    const intent = r.metadata.find((m) => m.key === 'intent');
    expect(intent?.reference).toBe('gold');
    expect(intent?.unseen_share).toBeGreaterThan(0.05);
    const alert = r.alerts.find((a) => a.kind === 'metadata_unseen' && a.name === 'intent');
    expect(alert?.message).toMatch(/no gold item has.*"crypto"/);
    // Half the items carry only a trace id: they inherit the request's model, so model is judged against gold too.
    expect(r.metadata.find((m) => m.key === 'model')?.reference).toBe('gold');
    expect(r.alerts.find((a) => a.kind === 'metadata_unseen' && a.name === 'model')?.message).toMatch(/"m2" 100\.0%/);
    expect(r.metadata.find((m) => m.key === 'tier')?.reference).toBe('earlier_traffic');
    expect(r.notes.join(' ')).toMatch(/metadata \(tier\): fewer than 10 gold items carry this key, so traffic is compared with the 3 windows before/);
    expect(r.notes.join(' ')).toMatch(/100 gold items name the production request they were sampled from; 100 of those requests are in the store/);
    expect(r.coverage?.representation).toBe('embedding');
    expect(r.coverage_gaps[0]?.top_metadata).toContainEqual({ key: 'intent', value: 'crypto', share: 1 });
    expect(r.shadow_sample?.n_effective).toBeGreaterThan(0);
  });
});
