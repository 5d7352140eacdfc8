import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestJudge, ingestLabels, ingestTraffic, Store, TouchstoneError } from '@touchstone/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calibrateJudge, compareJudgesInStore } from './calibrate-judge.js';
import { correctJudge } from './correct-judge.js';
import { resolveWindow } from './traffic-window.js';

let dir: string;
let store: Store;
const file = (name: string, records: readonly object[]): string => {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
};
const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'none';
  } catch (error) {
    return error instanceof TouchstoneError ? error.code : String(error);
  }
};

// 40 items rated 1–5 by three labelers (item i's consensus is 1 + i mod 5); judge v1 agrees except
// it gives 5 to items whose consensus is 1; v2 agrees everywhere. Items u0–u9 are scored, not labeled.
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jc-store-'));
  store = await Store.open(join(dir, 'store.duckdb'));
  const labels = Array.from({ length: 40 }, (_, i) => ['L1', 'L2', 'L3'].map((l, k) => ({ item_id: `i${i}`, labeler_id: l, label: Math.min(5, Math.max(1, 1 + (i % 5) + (k === 2 && i % 2 === 0 ? 1 : 0) - (k === 1 && i % 3 === 0 ? 1 : 0))), labeled_at: '2026-01-05T10:00:00Z' }))).flat();
  await ingestLabels(store, { file: file('labels.jsonl', labels), actor: 't', goldSet: 'g', scale: { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 } });
  const score = (i: number, wrongTop: boolean): number => (wrongTop && i % 5 === 0 ? 5 : 1 + (i % 5));
  const v1 = [...Array.from({ length: 40 }, (_, i) => ({ item_id: `i${i}`, score: score(i, true) })), ...Array.from({ length: 10 }, (_, i) => ({ item_id: `u${i}`, score: 1 + (i % 5) }))];
  const v2 = Array.from({ length: 40 }, (_, i) => ({ item_id: `i${i}`, score: score(i, false) }));
  await ingestJudge(store, { file: file('v1.jsonl', v1), actor: 't', judge: 'v1', goldSet: 'g' });
  await ingestJudge(store, { file: file('v2.jsonl', v2), actor: 't', judge: 'v2', goldSet: 'g' });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('judge calibration from the store', () => {
  it('pairs the latest judge score with the human median and reports coverage and next labels', async () => {
    const r = await calibrateJudge(store, { gold: 'g', judge: 'v1', resamples: 200 });
    expect(r.coverage).toEqual({ judge_scored: 50, judge_scored_labeled: 40, labeled_not_scored: 0, no_consensus: 0, pairs: 40 });
    expect(r.n_pairs).toBe(40);
    // Consensus is the median of 3 labels: 1 + i mod 5; the judge's band 5 then holds 8 true 5s and 8 true 1s.
    const top = r.bands.find((b) => b.band === '5');
    expect(top?.n).toBe(16);
    expect(top?.agreement).toBeCloseTo(0.5, 14);
    expect(r.bands_by_human.find((b) => b.band === '1')?.agreement).toBe(0);
    expect(r.next_labels.suggestions.length).toBeGreaterThan(0);
    expect(r.next_labels.suggestions.every((s) => s.item_id.startsWith('u'))).toBe(true);
    const all = await calibrateJudge(store, { gold: 'g', judge: 'v1', pairing: 'all', resamples: 200 });
    expect(all.n_pairs).toBe(120);
    expect(all.pairing).toBe('all');
  });

  it('compares two judges on the items both scored', async () => {
    const c = await compareJudgesInStore(store, { gold: 'g', judgeA: 'v1', judgeB: 'v2', resamples: 200 });
    expect(c.n_common).toBe(40);
    expect(c.overall.b_only).toBe(8);
    expect(c.overall.a_only).toBe(0);
    expect(c.verdict).toBe('improved');
  });

  it('names what is missing', async () => {
    expect(await code(calibrateJudge(store, { gold: 'nope', judge: 'v1' }))).toBe('GOLD_NOT_FOUND');
    await expect(calibrateJudge(store, { gold: 'g', judge: 'v9' })).rejects.toThrow(/judges with scores on it: v1, v2/);
    await ingestJudge(store, { file: file('loose.jsonl', [{ item_id: 'i1', score: 3 }]), actor: 't', judge: 'loose' });
    await expect(calibrateJudge(store, { gold: 'g', judge: 'loose' })).rejects.toThrow(/ingested without --gold/);
    // An off-scale score is rejected at ingest, naming its line (the same rule calibrate applies).
    await expect(ingestJudge(store, { file: file('off.jsonl', [{ item_id: 'i1', score: 9 }]), actor: 't', judge: 'off', goldSet: 'g' })).rejects.toMatchObject({
      code: 'INGEST_INVALID_RECORDS', details: [expect.objectContaining({ line: 1, field: 'score', reason: '9 is off the ordinal scale 1–5 of gold set "g"' })],
    });
    await ingestJudge(store, { file: file('stranger.jsonl', [{ item_id: 'zz', score: 3 }]), actor: 't', judge: 'stranger', goldSet: 'g' });
    expect(await code(calibrateJudge(store, { gold: 'g', judge: 'stranger' }))).toBe('JUDGE_NO_PAIRS');
    expect(await code(calibrateJudge(store, { gold: 'g', judge: 'v1', edges: [3, 2] }))).toBe('JUDGE_BAD_OPTION');
  });

  it('corrects the pass rate of traffic in a window and of a shadow set', async () => {
    const traffic = Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, timestamp: `2026-02-0${1 + (i % 5)}T12:00:00Z`, input: `q${i}`, judge_score: i % 3 === 0 ? 2 : 5 }));
    await ingestTraffic(store, { file: file('traffic.jsonl', traffic), actor: 't' });
    const w = resolveWindow({ window: '7d', now: '2026-02-06T00:00:00Z' });
    const r = await correctJudge(store, { gold: 'g', judge: 'v1', source: { kind: 'window', ...w }, resamples: 2000 });
    expect(r.source.n_items).toBe(300);
    expect(r.observed_pass_rate).toBeCloseTo(2 / 3, 14);
    // v1 passes every human pass (TPR 1) but also the 8 consensus-1 items it scores 5: TNR = 16/24.
    expect(r.calibration.tpr).toBe(1);
    expect(r.calibration.tnr).toBeCloseTo(16 / 24, 14);
    // Rogan–Gladen: (2/3 + 2/3 − 1) / (1 + 2/3 − 1) = 0.5
    expect(r.rogan_gladen?.estimate).toBeCloseTo(0.5, 12);
    expect(r.ppi_plus_plus.ci[0]).toBeLessThan(r.ppi_plus_plus.estimate);
    await store.run(`INSERT INTO shadow_items SELECT 'sh1', id, seq, id, ts, 'all', 1.0, input, output, slice, judge_score, metadata, 1, NULL, batch_id, NULL FROM traffic`);
    const s = await correctJudge(store, { gold: 'g', judge: 'v1', source: { kind: 'shadow', shadowId: 'sh1' }, resamples: 2000 });
    expect(s.source.kind).toBe('shadow');
    expect(s.rogan_gladen?.estimate).toBeCloseTo(0.5, 12);
    expect(await code(correctJudge(store, { gold: 'g', judge: 'v1', source: { kind: 'shadow', shadowId: 'none' } }))).toBe('SHADOW_NOT_FOUND');
    expect(await code(correctJudge(store, { gold: 'g', judge: 'v1', source: { kind: 'window', since: '2020-01-01T00:00:00Z', until: '2020-01-02T00:00:00Z' } }))).toBe('JUDGE_NO_UNLABELED');
  });

  it('parses traffic windows', () => {
    expect(resolveWindow({ window: '24h', now: '2026-02-06T00:00:00Z' })).toEqual({ since: '2026-02-05T00:00:00.000Z', until: '2026-02-06T00:00:00.000Z' });
    expect(() => resolveWindow({ window: '7x' })).toThrow(/duration/);
    // The same durations as shadow build and drift-check (core's parseDuration): minutes too.
    expect(resolveWindow({ window: '90m', now: '2026-02-06T00:00:00Z' }).since).toBe('2026-02-05T22:30:00.000Z');
    expect(() => resolveWindow({})).toThrow(/--shadow/);
    expect(() => resolveWindow({ since: '2026-02-06T00:00:00Z', until: '2026-02-01T00:00:00Z' })).toThrow(/empty/);
  });
});
