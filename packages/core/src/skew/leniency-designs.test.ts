import { describe, expect, it } from 'vitest';
import { coLabelerDesign } from './co-labeler-design.js';
import { judgeAdjusted } from './judge-adjust.js';
import { skewDataFromRecords, type SkewLabelRecord } from './skew-data-from-records.js';
import { slicePeerDesign } from './slice-peer-design.js';

const ORDINAL = { kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 } as const;
const rec = (item_id: string, labeler_id: string, value: number, slice = 's'): SkewLabelRecord => ({ item_id, labeler_id, value, slice });

describe('coLabelerDesign', () => {
  it('measures each label against the leave-one-out mean of its co-labelers', () => {
    // Item a: L 5, P 3, Q 4 → r_L = 5 − 3.5 = 1.5. Item b: L 4, P 2 → r_L = 2. Item c: L alone → no peers.
    const data = skewDataFromRecords(ORDINAL, [rec('a', 'L', 5), rec('a', 'P', 3), rec('a', 'Q', 4), rec('b', 'L', 4), rec('b', 'P', 2), rec('c', 'L', 1)]);
    const d = coLabelerDesign(data, 2);
    const L = data.labelerIds.indexOf('L');
    const t = d.cells.findIndex((c) => c.labeler === L && c.slice === -1);
    expect(d.effect[t]).toBeCloseTo(1.75, 12);
    // se = sd(1.5, 2)/√2 = 0.25
    expect(d.se[t]).toBeCloseTo(0.25, 12);
    expect(Array.from(d.residual).map((r) => (Number.isNaN(r) ? null : r))).toEqual([1.5, -1.5, 0, 2, -2, null]);
    expect(Array.from(d.design.groupWeight)).toEqual([1.5, 2]);
  });
  it('leaves dropped labelers out of everyone\'s peers', () => {
    const data = skewDataFromRecords(ORDINAL, [rec('a', 'L', 5), rec('a', 'P', 3), rec('a', 'Q', 4)]);
    const d = coLabelerDesign(data, 1, Uint8Array.of(1, 0, 0));
    const P = data.labelerIds.indexOf('P');
    expect(d.effect[d.cells.findIndex((c) => c.labeler === P)]).toBeCloseTo(-1, 12);
    expect(d.cells.some((c) => c.labeler === data.labelerIds.indexOf('L'))).toBe(false);
  });
});

describe('slicePeerDesign', () => {
  it('compares a labeler with the other labelers of the same slice, weighted over slices', () => {
    const records = [
      rec('a1', 'L', 5, 'x'), rec('a2', 'L', 4, 'x'), rec('a3', 'P', 3, 'x'), rec('a4', 'P', 2, 'x'),
      rec('b1', 'L', 2, 'y'), rec('b2', 'L', 2, 'y'), rec('b3', 'L', 3, 'y'), rec('b4', 'P', 3, 'y'), rec('b5', 'P', 1, 'y'),
    ];
    const data = skewDataFromRecords(ORDINAL, records);
    const d = slicePeerDesign(data, data.value, 2);
    const L = data.labelerIds.indexOf('L');
    const x = data.sliceNames.indexOf('x');
    const effect = (slice: number): number => d.effect[d.cells.findIndex((c) => c.labeler === L && c.slice === slice)]!;
    // Slice x: 4.5 − 2.5 = 2; slice y: 7/3 − 2 = 1/3; overall (2·2 + 3·1/3)/5 = 1.
    expect(effect(x)).toBeCloseTo(2, 12);
    expect(effect(1 - x)).toBeCloseTo(1 / 3, 12);
    expect(effect(-1)).toBeCloseTo(1, 12);
    // Slice x se: √(0.5/2 + 0.5/2) = √0.5.
    expect(d.se[d.cells.findIndex((c) => c.labeler === L && c.slice === x)]).toBeCloseTo(Math.sqrt(0.5), 12);
  });
});

describe('judgeAdjusted', () => {
  it('removes what the judge explains within a slice', () => {
    const records = Array.from({ length: 12 }, (_, i) => rec(`i${i}`, i % 2 === 0 ? 'L' : 'P', 1 + (i % 5)));
    const scores = new Map(records.map((r) => [r.item_id, ((r.value ?? 0) - 1) / 4]));
    const data = skewDataFromRecords(ORDINAL, records, { name: 'j', scores });
    for (const r of judgeAdjusted(data)) expect(r).toBeCloseTo(0, 10);
  });
});
