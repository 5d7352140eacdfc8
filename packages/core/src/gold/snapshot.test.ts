import { afterEach, describe, expect, it } from 'vitest';
import { ingestLabels } from '../ingest/ingest-labels.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { goldDiff } from './gold-diff.js';
import { createSnapshot } from './snapshot.js';

let open: Store | undefined;
afterEach(() => open?.close());
const at = '2026-01-01T00:00:00Z';
const SCALE = { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 } as const;

describe('gold snapshots and diff', () => {
  it('freezes a content hash, excludes a labeler on request, and diffs added / removed / relabeled items', async () => {
    const { store, write } = await tempStore();
    open = store;
    await ingestLabels(store, {
      file: write('1.jsonl', jsonl([
        { item_id: 'a', labeler_id: 'x', label: 5, labeled_at: at }, { item_id: 'a', labeler_id: 'y', label: 4, labeled_at: at },
        { item_id: 'b', labeler_id: 'x', label: 2, labeled_at: at }, { item_id: 'b', labeler_id: 'lenient', label: 5, labeled_at: at },
        { item_id: 'b', labeler_id: 'y', label: 5, labeled_at: at },
        { item_id: 'c', labeler_id: 'lenient', label: 5, labeled_at: at },
      ])),
      goldSet: 'g', scale: { ...SCALE }, actor: 't',
    });
    const v1 = await createSnapshot(store, { goldSet: 'g', tag: 'v1', actor: 't' });
    expect(v1).toMatchObject({ n_items: 3, n_labels: 6, excluded_labelers: [] });
    const same = await createSnapshot(store, { goldSet: 'g', tag: 'v1-again', actor: 't' });
    expect(same.content_hash).toBe(v1.content_hash);
    const without = await createSnapshot(store, { goldSet: 'g', tag: 'no-lenient', actor: 't', excludeLabelers: ['lenient'] });
    expect(without).toMatchObject({ n_items: 2, n_labels: 4 });
    expect(without.content_hash).not.toBe(v1.content_hash);

    const d = await goldDiff(store, 'g', 'v1', 'no-lenient');
    // Item b: median of {2,5,5} = 5 (pass) → median of {2,5} = 3.5 (fail). Item c only had the lenient labeler.
    expect(d.relabeled).toEqual([{ item_id: 'b', from: 5, to: 3.5, pass_from: true, pass_to: false }]);
    expect(d.removed).toEqual([{ item_id: 'c', consensus: 5, pass: true }]);
    expect(d.counts).toEqual({ added: 0, removed: 1, relabeled: 1, pass_flips: 1 });

    await ingestLabels(store, { file: write('2.jsonl', jsonl([{ item_id: 'd', labeler_id: 'x', label: 1, labeled_at: at }])), goldSet: 'g', actor: 't' });
    await createSnapshot(store, { goldSet: 'g', tag: 'v2', actor: 't' });
    expect((await goldDiff(store, 'g', 'v1', 'v2')).added).toEqual([{ item_id: 'd', consensus: 1, pass: false }]);
  });

  it('refuses a reused tag and an unknown labeler', async () => {
    const { store, write } = await tempStore();
    open = store;
    await ingestLabels(store, { file: write('1.jsonl', jsonl([{ item_id: 'a', labeler_id: 'x', label: 5, labeled_at: at }])), goldSet: 'g', scale: { ...SCALE }, actor: 't' });
    await createSnapshot(store, { goldSet: 'g', tag: 'v1', actor: 't' });
    await expect(createSnapshot(store, { goldSet: 'g', tag: 'v1', actor: 't' })).rejects.toMatchObject({ code: 'SNAPSHOT_EXISTS' });
    await expect(createSnapshot(store, { goldSet: 'g', tag: 'v9', actor: 't', excludeLabelers: ['nobody'] })).rejects.toMatchObject({ code: 'SNAPSHOT_LABELER' });
  });

  it('leaves out the items only ever labeled under an old guideline version, on one slice (gold snapshot --exclude-guideline)', async () => {
    const { store, write } = await tempStore();
    open = store;
    const l = (item_id: string, labeler_id: string, label: number, slice: string, guideline_version: string): object => ({ item_id, labeler_id, label, labeled_at: at, slice, guideline_version });
    await ingestLabels(store, {
      file: write('1.jsonl', jsonl([
        l('t1', 'x', 5, 'tone', 'v1'), l('t1', 'y', 4, 'tone', 'v1'), // only v1, on tone: left out
        l('t2', 'x', 5, 'tone', 'v1'), l('t2', 'y', 3, 'tone', 'v2'), // one v2 label: kept
        l('t3', 'x', 2, 'tone', 'v2'),
        l('o1', 'x', 5, 'other', 'v1'), // only v1 but another slice: kept with --slice tone
      ])),
      goldSet: 'g', scale: { ...SCALE }, actor: 't',
    });
    const tone = await createSnapshot(store, { goldSet: 'g', tag: 'no-v1-tone', actor: 't', excludeGuideline: { versions: ['v1'], slice: 'tone' } });
    expect(tone).toMatchObject({ n_items: 3, n_labels: 4, excluded_guideline: { versions: ['v1'], slice: 'tone' } });
    const everywhere = await createSnapshot(store, { goldSet: 'g', tag: 'no-v1', actor: 't', excludeGuideline: { versions: ['v1'], slice: null } });
    expect(everywhere).toMatchObject({ n_items: 2, n_labels: 3 });
    await createSnapshot(store, { goldSet: 'g', tag: 'all', actor: 't' });
    expect((await goldDiff(store, 'g', 'all', 'no-v1-tone')).removed.map((r) => r.item_id)).toEqual(['t1']);
    await expect(createSnapshot(store, { goldSet: 'g', tag: 'x', actor: 't', excludeGuideline: { versions: ['v0'], slice: null } })).rejects.toMatchObject({ code: 'SNAPSHOT_GUIDELINE' });
    await expect(createSnapshot(store, { goldSet: 'g', tag: 'x', actor: 't', excludeGuideline: { versions: ['v1'], slice: 'nope' } })).rejects.toMatchObject({ code: 'SNAPSHOT_SLICE' });
  });
});
