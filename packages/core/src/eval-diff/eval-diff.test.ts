import { afterEach, describe, expect, it } from 'vitest';
import { createSnapshot } from '../gold/snapshot.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { evalDiff } from './eval-diff.js';
import type { EvalRun } from './eval-run.js';

let open: Store | undefined;
afterEach(() => open?.close());
const at = '2026-01-01T00:00:00Z';

function run(name: string, passes: boolean[], snapshot: string | null, goldSet: string | null = null): EvalRun {
  return {
    name, source: 'store', metrics: ['pass'], gold_set: goldSet, gold_snapshot: snapshot,
    items: passes.map((pass, i) => ({ item_id: `i${i}`, slice: null, pass, score: null, line: i + 1 })),
  };
}

describe('evalDiff and gold snapshots', () => {
  const base = Array.from({ length: 30 }, (_, i) => i % 3 !== 0);
  // The candidate fails i1, i2 and i4 (relabeled in v2) and nothing else changes.
  const cand = base.map((p, i) => (i === 1 || i === 2 || i === 4 ? false : p));

  it('refuses runs scored against different snapshots (usage error) unless allowed', async () => {
    await expect(evalDiff(undefined, run('a', base, 'v1'), run('b', cand, 'v2'))).rejects.toMatchObject({
      code: 'GOLD_SNAPSHOT_CHANGED', category: 'usage', message: expect.stringMatching(/baseline "v1", candidate "v2".*--allow-gold-change/),
    });
    const same = await evalDiff(undefined, run('a', base, 'v1'), run('b', cand, 'v1'));
    expect(same.gold).toMatchObject({ status: 'same', diff: null, note: null });
    const half = await evalDiff(undefined, run('a', base, null), run('b', cand, 'v1'));
    expect(half.gold.status).toBe('unknown');
    expect(half.gold.note).toMatch(/only the candidate names its gold snapshot/);
    const noStore = await evalDiff(undefined, run('a', base, 'v1'), run('b', cand, 'v2'), { allowGoldChange: true });
    expect(noStore.gold).toMatchObject({ status: 'changed', diff: null, note: expect.stringMatching(/pass --gold NAME/) });
  });

  it('with --allow-gold-change shows the gold diff and the delta on items whose gold did not change', async () => {
    const { store, write } = await tempStore();
    open = store;
    const labels = (relabel: boolean): object[] => base.map((p, i) => ({ item_id: `i${i}`, labeler_id: 'x', label: relabel && [1, 2, 4].includes(i) ? false : p, labeled_at: at }));
    await ingestLabels(store, { file: write('v1.jsonl', jsonl(labels(false))), goldSet: 'g', scale: { kind: 'binary' }, actor: 't' });
    await createSnapshot(store, { goldSet: 'g', tag: 'v1', actor: 't' });
    await ingestLabels(store, { file: write('v2.jsonl', jsonl(labels(true))), goldSet: 'g', actor: 't' });
    await createSnapshot(store, { goldSet: 'g', tag: 'v2', actor: 't' });

    const report = await evalDiff(store, run('a', base, 'v1', 'g'), run('b', cand, 'v2', 'g'), { allowGoldChange: true });
    expect(report.gold).toMatchObject({ status: 'changed', gold_set: 'g', baseline_snapshot: 'v1', candidate_snapshot: 'v2' });
    expect(report.gold.diff).toMatchObject({ added: 0, removed: 0, relabeled: 3, pass_flips: 3, paired_items_affected: 3 });
    expect(report.gold.diff?.relabeled_examples.map((r) => r.item_id)).toEqual(['i1', 'i2', 'i4']);
    // All three losses sit on relabeled items: on the 27 unchanged items nothing moved.
    expect(report.overall.delta).toBeCloseTo(-3 / 30, 15);
    expect(report.gold.overall_unchanged_gold).toMatchObject({ n: 27, delta: 0, verdict: 'no change', p_regression: 1, q_regression: 1 });
    // On all 30 items the 3 losses give the one-sided exact McNemar p = 0.5^3, a single test (no slices): q = p.
    expect(report.overall.p_regression).toBeCloseTo(0.125, 14);
    expect(report.overall.q_regression).toBe(report.overall.p_regression);
    expect(report.overall.verdict).toBe('no change');
    await expect(evalDiff(store, run('a', base, 'v1'), run('b', cand, 'v9'), { allowGoldChange: true, goldSet: 'g' })).rejects.toMatchObject({ code: 'SNAPSHOT_NOT_FOUND' });
  });
});
