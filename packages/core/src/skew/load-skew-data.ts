import type { LabelView } from '../gold/labels-as-of-sql.js';
import type { Scale } from '../schemas/scale.js';
import type { Store } from '../store/store.js';
import { readColumns } from './read-columns.js';
import { scaleCategories, type SkewData } from './skew-data.js';
import { judgeScoresSql, skewSql } from './skew-sql.js';

/** Loads a gold set's current labels (and the main judge's scores) from the store into SkewData. */
export async function loadSkewData(store: Store, scale: Scale, view: LabelView): Promise<SkewData> {
  const q = skewSql(scale, view);
  const cols = await readColumns(store, q.labels, {
    item: 'int32', labeler: 'int32', value: 'float64', category: 'int32', t: 'float64', version: 'int32', session: 'int32', position: 'int32',
  });
  const items = await store.all<{ item_id: string; slice: number }>(q.items);
  const labelerIds = (await store.all<{ labeler_id: string }>(q.labelers)).map((r) => r.labeler_id);
  const sliceNames = (await store.all<{ slice: string | null }>(q.slices)).map((r) => r.slice);
  const versionNames = (await store.all<{ guideline_version: string }>(q.versions)).map((r) => r.guideline_version);
  const item = cols.item as Int32Array;
  const itemStart = new Int32Array(items.length + 1);
  for (let p = 0; p < cols.rowCount; p++) itemStart[item[p]! + 1]! += 1;
  for (let i = 0; i < items.length; i++) itemStart[i + 1]! += itemStart[i]!;

  const judgeRows = await store.all<{ item_id: string; judge: string; score_value: number }>(judgeScoresSql(view.goldSet));
  let judge: Float64Array | null = null;
  if (judgeRows.length > 0) {
    const index = new Map(items.map((r, i) => [r.item_id, i]));
    judge = new Float64Array(items.length).fill(Number.NaN);
    for (const r of judgeRows) {
      const i = index.get(r.item_id);
      if (i !== undefined) judge[i] = r.score_value;
    }
  }
  return {
    scale,
    itemIds: items.map((r) => r.item_id),
    labelerIds,
    sliceNames,
    versionNames,
    itemStart,
    itemSlice: Int32Array.from(items, (r) => r.slice),
    labeler: cols.labeler as Int32Array,
    value: cols.value as Float64Array,
    category: cols.category as Int32Array,
    categoryValues: scaleCategories(scale).values,
    time: cols.t as Float64Array,
    version: cols.version as Int32Array,
    session: cols.session as Int32Array,
    position: cols.position as Int32Array,
    judge,
    judgeName: judgeRows[0]?.judge ?? null,
  };
}
