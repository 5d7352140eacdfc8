import { afterEach, describe, expect, it } from 'vitest';
import { GuardError } from './guard-error.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import type { Store } from '../store/store.js';
import { createRng } from '../stats/rng.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { assertGoldHealthy, guard } from './guard.js';
import { GuardResultSchema } from './guard-result.js';

let open: Store | undefined;
afterEach(() => open?.close());
const at = '2026-01-01T00:00:00Z';

const PEERS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

interface Label {
  readonly item_id: string;
  readonly labeler_id: string;
  readonly label: number;
  readonly labeled_at: string;
}

/**
 * 600 binary items (item i passes when i is even), each labeled by two of six peers who err 10% of
 * the time at random; with `lenny`, lenny adds a pass to every tenth item (i ≡ 5 mod 10). Without
 * lenny, an item they labeled flips exactly when its two peers disagree (pass → tie).
 */
function labels(lenny: boolean): Label[] {
  const rng = createRng(7);
  const rows: Label[] = [];
  for (let i = 0; i < 600; i++) {
    const truth = i % 2 === 0 ? 1 : 0;
    for (const peer of [PEERS[i % 6], PEERS[(i + 1) % 6]]) rows.push({ item_id: `i${i}`, labeler_id: peer ?? '', label: rng.next() < 0.1 ? 1 - truth : truth, labeled_at: at });
    if (lenny && i % 10 === 5) rows.push({ item_id: `i${i}`, labeler_id: 'lenny', label: 1, labeled_at: at });
  }
  return rows;
}

/** The oracle: lenny's items whose two peer labels disagree (the only ones lenny's label decides). */
function lennyFlips(rows: readonly Label[]): number {
  const byItem = new Map<string, Label[]>();
  for (const r of rows) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
  return [...byItem.values()].filter((ls) => ls.some((l) => l.labeler_id === 'lenny') && new Set(ls.filter((l) => l.labeler_id !== 'lenny').map((l) => l.label)).size === 2).length;
}

async function storeWith(rows: readonly Label[]): Promise<Store> {
  const { store, write } = await tempStore();
  open = store;
  await ingestLabels(store, { file: write('labels.jsonl', jsonl(rows)), goldSet: 'g', scale: { kind: 'binary' }, actor: 't' });
  return store;
}

const fast = { permutations: 200, bootstrap: 0, seed: 3 };

describe('guard on a real store', () => {
  it('passes a clean gold set', async () => {
    const store = await storeWith(labels(false));
    const r = await guard(store, { goldSet: 'g', skew: fast });
    expect(r.ok).toBe(true);
    expect(GuardResultSchema.parse(r)).toEqual(r);
    expect(await assertGoldHealthy(store, { goldSet: 'g', skew: fast })).toEqual(r);
  });

  it('fails a gold set whose lenient labeler flips more than 1% of the consensus outcomes, and says so', async () => {
    const rows = labels(true);
    const decided = lennyFlips(rows);
    // 60 lenny items; the peers disagree on about 18% of them.
    expect(decided).toBeGreaterThanOrEqual(6);
    expect(decided).toBeLessThan(12);
    const store = await storeWith(rows);
    const r = await guard(store, { goldSet: 'g', skew: fast });
    expect(r.ok).toBe(false);
    expect(r.failures.map((f) => f.check)).toEqual(['labeler_impact']);
    const f = r.failures[0];
    // Counterfactual: lenny says "pass" to everything, so removing a leniency b redraws each of their
    // labels as "fail" with probability b; only the items whose peers disagree then flip (pass → fail).
    const details = f?.check === 'labeler_impact' ? f.details : undefined;
    expect(details).toMatchObject({ labeler_id: 'lenny', direction: 'lenient', reached: ['flipped_share', 'pass_rate_shift'] });
    const flips = decided * (details?.effect ?? 0);
    expect(details?.flipped_items).toBeCloseTo(flips, 10);
    expect(details?.flipped_share).toBeCloseTo(flips / 600, 10);
    expect(f?.message).toContain(`corrected for their bias, ${flips.toFixed(1)} of 600 items (${((100 * flips) / 600).toFixed(1)}%) would flip`);
    await expect(assertGoldHealthy(store, { goldSet: 'g', skew: fast })).rejects.toBeInstanceOf(GuardError);
    // The same flag under looser limits (5% of items, 5 points) is significant but not high-impact: the guard passes.
    const loose = await guard(store, { goldSet: 'g', skew: fast, maxImpact: { flippedShare: 0.05, passRateShift: 0.05 } });
    expect(loose.ok).toBe(true);
    expect(loose.checks[1]?.summary).toContain('flagged below the impact limits: lenny');
  });

  it('fails a gold set edited behind Touchstone\'s back (raw SQL on the store), naming the row', async () => {
    const store = await storeWith(labels(false));
    await store.run(`UPDATE labels SET label_value = 1 - label_value WHERE item_id = 'i7' AND labeler_id = 'p2'`);
    const r = await guard(store, { goldSet: 'g', skew: fast });
    expect(r.ok).toBe(false);
    const f = r.failures.find((x) => x.check === 'integrity');
    expect(f?.message).toMatch(/^gold set "g" was changed outside Touchstone \(1 edited\): .*i7/);
  });

  it('throws GOLD_NOT_FOUND for an unknown gold set', async () => {
    const store = await storeWith(labels(false));
    await expect(guard(store, { goldSet: 'nope' })).rejects.toMatchObject({ code: 'GOLD_NOT_FOUND' });
  });
});
