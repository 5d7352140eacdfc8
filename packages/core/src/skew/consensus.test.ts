import { afterEach, describe, expect, it } from 'vitest';
import { consensusSql } from '../gold/consensus-sql.js';
import { ingestLabels } from '../ingest/ingest-labels.js';
import type { Scale } from '../schemas/scale.js';
import { createRng } from '../stats/rng.js';
import type { Store } from '../store/store.js';
import { jsonl, tempStore } from '../test-helpers/temp-store.js';
import { baselineConsensus, consensusCounts, FAIL, NO_LABELS, PASS, UNDECIDED } from './consensus.js';
import { loadSkewData } from './load-skew-data.js';

let open: Store | undefined;
afterEach(() => open?.close());

const SCALES: { scale: Scale; draw: (u: number) => number | string }[] = [
  { scale: { kind: 'binary' }, draw: (u) => (u < 0.5 ? 1 : 0) },
  { scale: { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, draw: (u) => 1 + Math.floor(u * 5) },
  { scale: { kind: 'interval', min: 0, max: 1, pass_threshold: 0.6 }, draw: (u) => Math.round(u * 100) / 100 },
  { scale: { kind: 'nominal', categories: ['good', 'ok', 'bad'], pass_categories: ['good'] }, draw: (u) => ['good', 'ok', 'bad'][Math.floor(u * 3)]! },
];

describe('baselineConsensus', () => {
  it.each(SCALES)('agrees with gold/consensus-sql.ts on every item ($scale.kind)', async ({ scale, draw }) => {
    const rng = createRng(17);
    const rows: object[] = [];
    for (let i = 0; i < 150; i++) {
      const m = 1 + rng.int(4); // 1–4 labels: ties and even-count medians occur
      for (let j = 0; j < m; j++) rows.push({ item_id: `i${i}`, labeler_id: `L${j}`, label: draw(rng.next()), labeled_at: '2026-01-01T00:00:00Z' });
    }
    const { store, write } = await tempStore();
    open = store;
    await ingestLabels(store, { file: write('l.jsonl', jsonl(rows)), goldSet: 'g', scale, actor: 't' });
    const data = await loadSkewData(store, scale, { goldSet: 'g' });
    const sqlRows = await store.all<{ item_id: string; pass: boolean | null }>(`SELECT item_id, pass FROM (${consensusSql(scale, { goldSet: 'g' })})`);
    const expected = new Map(sqlRows.map((r) => [r.item_id, r.pass === null ? UNDECIDED : r.pass ? PASS : FAIL]));
    const codes = baselineConsensus(data);
    data.itemIds.forEach((id, i) => expect([id, codes[i]]).toEqual([id, expected.get(id)]));
    expect(codes.includes(UNDECIDED) || scale.kind !== 'binary').toBe(true);
  });
});

describe('consensusCounts', () => {
  it('counts passing and decided consensus codes (undecided and unlabeled items count in neither)', () => {
    // Worked by hand: codes PASS, FAIL, UNDECIDED, NO_LABELS, PASS → 2 passes of 3 decided.
    expect(consensusCounts(Int8Array.from([PASS, FAIL, UNDECIDED, NO_LABELS, PASS]))).toEqual({ passes: 2, decided: 3 });
    expect(consensusCounts([])).toEqual({ passes: 0, decided: 0 });
  });
});
