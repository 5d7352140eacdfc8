import { afterEach, describe, expect, it } from 'vitest';
import { ingestJudge } from '../ingest/ingest-judge.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import type { Scale } from '../schemas/scale.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { loadSkewData } from './load-skew-data.js';
import type { SkewData } from './skew-data.js';
import { skewDataFromRecords, type SkewLabelRecord } from './skew-data-from-records.js';
import { simulateGold, simulatedRecords } from './test-helpers/simulate-gold.js';

let open: Store | undefined;
afterEach(() => open?.close());

async function load(scale: Scale, records: readonly SkewLabelRecord[], judge?: { item_id: string; score: number }[]): Promise<SkewData> {
  const { store, write } = await tempStore();
  open = store;
  const rows = records.map((r) => ({
    item_id: r.item_id, labeler_id: r.labeler_id, label: r.text ?? r.value, labeled_at: new Date(r.labeled_at ?? 0).toISOString(),
    ...(r.slice == null ? {} : { slice: r.slice }), ...(r.guideline_version == null ? {} : { guideline_version: r.guideline_version }),
    ...(r.session_id == null ? {} : { session_id: r.session_id }),
  }));
  await ingestLabels(store, { file: write('labels.jsonl', jsonl(rows)), goldSet: 'g', scale, actor: 't' });
  if (judge !== undefined) await ingestJudge(store, { file: write('judge.jsonl', jsonl(judge.map((j) => ({ ...j, judge: 'j@1' })))), judge: 'j@1', goldSet: 'g', actor: 't' });
  return loadSkewData(store, scale, { goldSet: 'g' });
}

describe('loadSkewData', () => {
  it('builds from the store exactly what skewDataFromRecords builds from the same records', async () => {
    const { data, scale } = simulateGold({ seed: 4, scale: 'ordinal', nItems: 300, labelsPerItem: 3, nLabelers: 7, nSlices: 3, singleShare: 0.3 });
    const records = simulatedRecords(data);
    const fromStore = await load(scale, records);
    expect(fromStore).toEqual(skewDataFromRecords(scale, records));
    expect(fromStore.itemStart.at(-1)).toBe(records.length);
  });

  it('encodes a nominal scale, NULL slices, versions by first use, and the judge that scored most', async () => {
    const scale: Scale = { kind: 'nominal', categories: ['good', 'ok', 'bad'], pass_categories: ['good', 'ok'] };
    const t = (m: number): number => Date.UTC(2026, 1, 1, 9, m);
    const records: SkewLabelRecord[] = [
      { item_id: 'b', labeler_id: 'x', value: null, text: 'bad', labeled_at: t(1), slice: 'refunds', guideline_version: 'v2', session_id: 's1' },
      { item_id: 'b', labeler_id: 'y', value: null, text: 'ok', labeled_at: t(2), slice: null, guideline_version: 'v2' },
      { item_id: 'a', labeler_id: 'x', value: null, text: 'good', labeled_at: t(0), slice: 'refunds', guideline_version: 'v1', session_id: 's1' },
      { item_id: 'c', labeler_id: 'y', value: null, text: 'ok', labeled_at: t(3), slice: null },
    ];
    const d = await load(scale, records, [{ item_id: 'a', score: 0.9 }, { item_id: 'b', score: 0.2 }]);
    expect(d).toEqual(skewDataFromRecords(scale, records, { name: 'j@1', scores: new Map([['a', 0.9], ['b', 0.2]]) }));
    expect(Array.from(d.category)).toEqual([0, 2, 1, 1]);
    expect(Array.from(d.value)).toEqual([1, 0, 1, 1]);
    expect(d.versionNames).toEqual(['v1', 'v2']);
    expect(d.sliceNames).toEqual([null, 'refunds']);
    expect(Array.from(d.position)).toEqual([1, 2, 0, 0]);
    expect(Array.from(d.judge ?? [])).toEqual([0.9, 0.2, Number.NaN]);
  });
});
