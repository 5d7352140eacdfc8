import { describe, expect, it } from 'vitest';
import { baselineConsensus } from './consensus.js';
import { itemsByLabeler, leaveOneOutImpact } from './leave-one-out.js';
import { skewDataFromRecords } from './skew-data-from-records.js';

describe('leaveOneOutImpact', () => {
  it('counts flipped and dropped items and the pass-rate shift without a labeler', () => {
    // The example of gold/snapshot.test.ts: item b's median {2,5,5} = 5 passes; without the lenient
    // labeler {2,5} = 3.5 fails. Item c had only the lenient labeler and leaves the gold set.
    // Pass rate (threshold 4): a 4.5, b 5, c 5 → 3/3; without: a 4.5, b 3.5 → 1/2; shift −0.5.
    const data = skewDataFromRecords({ kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, [
      { item_id: 'a', labeler_id: 'x', value: 5 }, { item_id: 'a', labeler_id: 'y', value: 4 },
      { item_id: 'b', labeler_id: 'x', value: 2 }, { item_id: 'b', labeler_id: 'lenient', value: 5 }, { item_id: 'b', labeler_id: 'y', value: 5 },
      { item_id: 'c', labeler_id: 'lenient', value: 5 },
    ]);
    const lenient = data.labelerIds.indexOf('lenient');
    const impact = leaveOneOutImpact(data, baselineConsensus(data), itemsByLabeler(data), lenient, -1);
    expect(impact).toEqual({ flippedItems: 1, droppedItems: 1, passRateShift: -0.5, relabel: ['b'] });
    const x = data.labelerIds.indexOf('x');
    // Without x: a {4} passes, b {5,5} passes (was 5) — nothing changes.
    expect(leaveOneOutImpact(data, baselineConsensus(data), itemsByLabeler(data), x, -1)).toEqual({ flippedItems: 0, droppedItems: 0, passRateShift: 0, relabel: [] });
  });
  it('limits itself to one slice when asked', () => {
    const data = skewDataFromRecords({ kind: 'binary' }, [
      { item_id: 'a', labeler_id: 'x', value: 1, slice: 's' }, { item_id: 'a', labeler_id: 'y', value: 1, slice: 's' }, { item_id: 'a', labeler_id: 'z', value: 0, slice: 's' },
      { item_id: 'b', labeler_id: 'x', value: 1, slice: 't' }, { item_id: 'b', labeler_id: 'y', value: 1, slice: 't' }, { item_id: 'b', labeler_id: 'z', value: 0, slice: 't' },
    ]);
    const x = data.labelerIds.indexOf('x');
    const s = data.sliceNames.indexOf('s');
    // Without x, a becomes a 1–1 tie (no consensus): one item changes, and the pass rate over decided items stays 1.
    expect(leaveOneOutImpact(data, baselineConsensus(data), itemsByLabeler(data), x, s)).toEqual({ flippedItems: 1, droppedItems: 0, passRateShift: 0, relabel: ['a'] });
    expect(leaveOneOutImpact(data, baselineConsensus(data), itemsByLabeler(data), x, -1).flippedItems).toBe(2);
  });
});
