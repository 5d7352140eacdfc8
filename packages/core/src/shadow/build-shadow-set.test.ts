import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../errors/touchstone-error.js';
import type { Store } from '../store/store.js';
import { buildShadowSet } from './build-shadow-set.js';
import { fixtureStore, requestText, type TrafficRow } from './test-helpers/fixture-store.js';

const SLICES = ['billing', 'login', 'shipping', 'returns'];
const traffic: TrafficRow[] = [];
for (let i = 0; i < 1200; i++) {
  const slice = SLICES[i % 7 < 3 ? 0 : i % 7 < 5 ? 1 : i % 7 < 6 ? 2 : 3] as string;
  const day = 1 + (i % 14);
  traffic.push({
    id: `r${i}`,
    timestamp: `2026-02-${String(day).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
    input: i % 50 === 0 ? `my email is user${i}@example.com and card 4242 4242 4242 4242, call +1 415 555 0132` : requestText(slice, i),
    output: `reply ${i}`,
    slice,
    judge_score: i % 10 === 0 ? 0 : 1,
    metadata: { model: i % 3 === 0 ? 'm-small' : 'm-large', contact: i % 50 === 0 ? `user${i}@example.com` : 'none' },
  });
}
// 30 exact and near duplicates of one request
for (let i = 0; i < 30; i++) traffic.push({ id: `dup${i}`, timestamp: '2026-02-10T10:00:00Z', input: i % 2 === 0 ? 'Where is my package???' : 'where is my package', slice: 'shipping', judge_score: 1 });

let store: Store;
let cleanup: () => void;
beforeAll(async () => {
  ({ store, cleanup } = await fixtureStore(SLICES.map((s, i) => ({ item_id: `g${i}`, slice: s, pass: true, input: requestText(s, i) })), traffic));
});
afterAll(() => cleanup());

const base = { goldSet: 'support', window: '7d', now: '2026-02-15T00:00:00Z', size: 200, seed: 7, actor: 'test' } as const;

describe('buildShadowSet', () => {
  it('samples the window proportionally by slice, deterministically, and reuses an identical set', async () => {
    const a = await buildShadowSet(store, base);
    expect(a.n_items).toBe(200);
    expect(a.window_start).toBe('2026-02-08T00:00:00.000Z');
    const inWindow = await store.all<{ n: number }>(`SELECT count(*) AS n FROM traffic WHERE ts >= '2026-02-08' AND ts < '2026-02-15'`);
    expect(a.n_window).toBe(inWindow[0]?.n);
    for (const s of a.strata) expect(Math.abs(s.n_items - (200 * s.n_window) / a.n_window)).toBeLessThanOrEqual(1);
    const b = await buildShadowSet(store, base);
    expect(b.content_hash).toBe(a.content_hash);
    expect(b.shadow_id).toBe(a.shadow_id);
    expect(b.reused).toBe(true);
    const c = await buildShadowSet(store, { ...base, seed: 8 });
    expect(c.content_hash).not.toBe(a.content_hash);
    expect(c.version).toBe(2);
    const ts = await store.all<{ lo: string; hi: string }>({ sql: `SELECT min(ts) AS lo, max(ts) AS hi FROM shadow_items WHERE shadow_id = $1`, params: [a.shadow_id] });
    expect(ts[0]!.lo >= '2026-02-08').toBe(true);
    expect(ts[0]!.hi < '2026-02-15').toBe(true);
  });
  it('redacts PII in inputs and metadata before storing, and counts it', async () => {
    const s = await buildShadowSet(store, { ...base, size: 1000, seed: 1 });
    const leaked = await store.all(`SELECT input, metadata FROM shadow_items WHERE input LIKE '%@example.com%' OR metadata LIKE '%@example.com%' OR input LIKE '%4242%'`);
    expect(leaked).toEqual([]);
    expect(s.redactions['email']).toBeGreaterThan(0);
    expect(s.redactions['card']).toBeGreaterThan(0);
    const redacted = await store.all<{ n: number }>({ sql: `SELECT count(*) AS n FROM shadow_items WHERE shadow_id = $1 AND input LIKE '%[EMAIL]%[CARD]%[PHONE]%'`, params: [s.shadow_id] });
    expect(redacted[0]?.n).toBeGreaterThan(0);
    const off = await buildShadowSet(store, { ...base, size: 1000, seed: 1, pii: { enabled: false } });
    expect(off.params.pii_rules).toEqual([]);
    expect(off.content_hash).not.toBe(s.content_hash);
  });
  it('removes near-duplicate requests', async () => {
    const s = await buildShadowSet(store, { ...base, size: 5000, seed: 3 });
    const pkg = await store.all<{ n: number }>({ sql: `SELECT count(*) AS n FROM shadow_items WHERE shadow_id = $1 AND lower(input) LIKE 'where is my package%'`, params: [s.shadow_id] });
    expect(pkg[0]?.n).toBe(1);
    expect(s.n_duplicates).toBeGreaterThanOrEqual(29);
    // The kept request stands for its 30 copies (the whole window is read at this size: weight = count).
    const w = await store.all<{ weight: number }>({ sql: `SELECT weight FROM shadow_items WHERE shadow_id = $1 AND lower(input) LIKE 'where is my package%'`, params: [s.shadow_id] });
    expect(w[0]?.weight).toBeCloseTo(30, 9);
  });
  it('weights items by the window requests they stand for: per stratum they add up to its size', async () => {
    const s = await buildShadowSet(store, { ...base, seed: 11 });
    for (const h of s.strata) expect(h.n_window).toBe((await store.all<{ n: number }>({ sql: `SELECT count(*) AS n FROM traffic WHERE ts >= '2026-02-08' AND ts < '2026-02-15' AND slice = $1`, params: [h.stratum] }))[0]?.n);
    expect(s.n_effective).toBeGreaterThan(0);
    expect(s.n_effective).toBeLessThanOrEqual(s.n_items + 1e-9);
  });
  it('stratifies by a metadata key and supports Neyman allocation', async () => {
    const s = await buildShadowSet(store, { ...base, stratifyBy: 'metadata.model', allocation: 'neyman', seed: 5 });
    expect(s.strata.map((x) => x.stratum).sort()).toEqual(['(none)', 'm-large', 'm-small']);
    // Neyman gives every stratum at least two, but the '(none)' stratum is 30 copies of one request:
    // after near-duplicate removal it holds one, so the set is one short.
    expect(s.strata.find((x) => x.stratum === '(none)')?.n_items).toBe(1);
    expect(s.strata.reduce((a, x) => a + x.n_items, 0)).toBe(199);
  });
  it("takes the pass rule from the gold set as drift-check does, a flag or the config overriding it, and records where it came from", async () => {
    const gold = await buildShadowSet(store, { ...base, allocation: 'neyman' });
    expect(gold.params.pass_rule).toEqual({ threshold: 0.5, higher_is_better: true, source: 'gold set', description: 'gold set binary: a judge score ≥ 0.5 passes' });
    expect(gold.params.pass_threshold).toBe(0.5);
    const config = await buildShadowSet(store, { ...base, allocation: 'neyman', drift: { pass_threshold: 0.9 } });
    expect(config.params.pass_rule).toMatchObject({ threshold: 0.9, source: 'config' });
    const flag = await buildShadowSet(store, { ...base, allocation: 'neyman', drift: { pass_threshold: 0.9 }, passThresholdFlag: 0.2 });
    expect(flag.params).toMatchObject({ pass_threshold: 0.2, pass_rule: { threshold: 0.2, source: 'flag' } });
    // The rule is part of the set's provenance: a different rule is a different set.
    expect(new Set([gold.content_hash, config.content_hash, flag.content_hash]).size).toBe(3);
  });
  it('fails with a DataError naming the traffic span when the window is empty', async () => {
    await expect(buildShadowSet(store, { ...base, now: '2025-01-01T00:00:00Z' })).rejects.toThrow(DataError);
    await expect(buildShadowSet(store, { ...base, now: '2025-01-01T00:00:00Z' })).rejects.toThrow(/traffic spans 2026-02-01/);
  });
});
