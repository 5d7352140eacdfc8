import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShadowSet } from '../shadow/build-shadow-set.js';
import { fixtureStore, requestText, type TrafficRow } from '../shadow/test-helpers/fixture-store.js';
import type { Store } from '../store/store.js';
import { DriftReportSchema } from './drift-report.js';
import { driftReport } from './drift.js';

const SLICES = ['billing', 'login', 'shipping', 'returns'];
const traffic: TrafficRow[] = [];
for (let i = 0; i < 2000; i++) {
  const day = 1 + (i % 28);
  const late = day > 21;
  const slice = late && i % 5 === 0 ? 'crypto' : (SLICES[i % 4] as string);
  traffic.push({
    id: `r${i}`,
    timestamp: `2026-02-${String(day).padStart(2, '0')}T10:00:00Z`,
    input: requestText(slice, i),
    slice,
    judge_score: 1,
    metadata: { model: late && i % 3 === 0 ? 'm-2' : 'm-1', contact: `user${i % 40}@example.com` },
  });
}

let store: Store;
let cleanup: () => void;
beforeAll(async () => {
  ({ store, cleanup } = await fixtureStore(SLICES.flatMap((s) => Array.from({ length: 25 }, (_, i) => ({ item_id: `${s}-${i}`, slice: s, pass: true, input: requestText(s, 1000 + i) }))), traffic));
});
afterAll(() => cleanup());

describe('driftReport on a store', () => {
  it('finds the new slice and model, validates against its schema, and keeps PII out of metadata values', async () => {
    const shadow = await buildShadowSet(store, { goldSet: 'support', window: '7d', now: '2026-03-01T00:00:00Z', size: 300, actor: 't' });
    const report = await driftReport(store, { goldSet: 'support' });
    expect(DriftReportSchema.parse(report)).toEqual(report);
    expect(report.shadow_id).toBe(shadow.shadow_id);
    const kinds = report.alerts.map((a) => a.kind);
    expect(kinds).toContain('unseen_slice');
    expect(kinds).toContain('metadata_unseen');
    expect(JSON.stringify(report)).not.toContain('@example.com');
    const contact = report.metadata.find((m) => m.key === 'contact');
    // 40 addresses: the top 20 all redact to one "[EMAIL]" category (merged), the rest stay "(other)".
    expect(contact?.top.map((v) => v.value)).toEqual(['[EMAIL]', '(other)']);
    expect(contact?.unseen_share).toBe(0);
    // No judge scored gold: the judge's rate on traffic is not compared with the humans' on gold (two instruments).
    expect(report.pass_rate).toMatchObject({ gold: null, diff: null, gold_human: 1 });
    expect(report.alerts.filter((a) => a.kind.startsWith('pass_rate'))).toEqual([]);
    expect(report.notes.some((n) => n.startsWith('pass rate: gold items carry no judge scores'))).toBe(true);
    expect(report.pass_rule).toEqual({ threshold: 0.5, higher_is_better: true, source: 'gold set', description: 'gold set binary: a judge score ≥ 0.5 passes' });
  });
});
