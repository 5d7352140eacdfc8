import { describe, expect, it } from 'vitest';
import { baselineConsensus } from './consensus.js';
import { counterfactualImpact } from './counterfactual.js';
import { guidelineTests } from './guideline-tests.js';
import { skewDataFromRecords, type SkewLabelRecord } from './skew-data-from-records.js';

describe('counterfactualImpact', () => {
  it('redraws a lenient labeler\'s ordinal labels with the bias removed and counts expected flips (worked by hand)', () => {
    // Threshold 4. Item a: {4, 3, L 5} median 4; L's 5 − 0.3 = 4.7 is 4 or 5, median 4 either way.
    // Item b: {3, 4, L 4} median 4; L's 3.7 is 3 with probability 0.3 → median 3 (fail): 0.3 expected flips.
    // Item c: {L 4} alone: 3 with probability 0.3 → fail: 0.3. Pass rate 3/3 → (3 − 0.6)/3, shift −0.2.
    const data = skewDataFromRecords({ kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, [
      { item_id: 'a', labeler_id: 'x', value: 4 }, { item_id: 'a', labeler_id: 'y', value: 3 }, { item_id: 'a', labeler_id: 'L', value: 5 },
      { item_id: 'b', labeler_id: 'x', value: 3 }, { item_id: 'b', labeler_id: 'y', value: 4 }, { item_id: 'b', labeler_id: 'L', value: 4 },
      { item_id: 'c', labeler_id: 'L', value: 4 },
    ]);
    const L = data.labelerIds.indexOf('L');
    const c = counterfactualImpact(data, baselineConsensus(data), [0, 1, 2], { biasAt: (p) => (data.labeler[p] === L ? 0.3 : 0), contextAt: () => ({ rate: 0, categoryShare: null }) });
    expect(c.flippedItems).toBeCloseTo(0.6, 12);
    expect(c.passRateShift).toBeCloseTo(-0.2, 12);
    expect(c.relabel).toEqual([]);
    // A bias of 0 changes nothing, whatever the labeler's volume.
    expect(counterfactualImpact(data, baselineConsensus(data), [0, 1, 2], { biasAt: () => 0, contextAt: () => ({ rate: 0, categoryShare: null }) }).flippedItems).toBe(0);
  });
  it('on a binary scale switches a lenient labeler\'s passes to fails with probability bias / pass rate', () => {
    // L passes everything (rate 1), bias 0.4: each 1 becomes 0 with probability 0.4. Item a {1, 0, L 1}
    // passes and fails without L's pass: 0.4 expected flips; item b {1, 1, L 1} stays a pass.
    const data = skewDataFromRecords({ kind: 'binary' }, [
      { item_id: 'a', labeler_id: 'x', value: 1 }, { item_id: 'a', labeler_id: 'y', value: 0 }, { item_id: 'a', labeler_id: 'L', value: 1 },
      { item_id: 'b', labeler_id: 'x', value: 1 }, { item_id: 'b', labeler_id: 'y', value: 1 }, { item_id: 'b', labeler_id: 'L', value: 1 },
    ]);
    const L = data.labelerIds.indexOf('L');
    const c = counterfactualImpact(data, baselineConsensus(data), [0, 1], { biasAt: (p) => (data.labeler[p] === L ? 0.4 : 0), contextAt: () => ({ rate: 1, categoryShare: null }) });
    expect(c.flippedItems).toBeCloseTo(0.4, 12);
    expect(c.passRateShift).toBeCloseTo(-0.2, 12);
  });
});

describe('guidelineTests', () => {
  it('compares each labeler\'s own labels under the older and the latest version (Mantel–Haenszel weights, worked by hand)', () => {
    // Slice s. x: v1 {4, 5}, v2 {3, 4} → d = 1, w = 2·2/4 = 1; y: v1 {3, 3}, v2 {2, 2, 2} → d = 1, w = 2·3/5 = 1.2.
    // Effect (1·1 + 1.2·1)/2.2 = 1.
    const r = (item_id: string, labeler_id: string, value: number, guideline_version: string, t: number): SkewLabelRecord => ({ item_id, labeler_id, value, guideline_version, slice: 's', labeled_at: t });
    const data = skewDataFromRecords({ kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, [
      r('i1', 'x', 4, 'v1', 1), r('i2', 'x', 5, 'v1', 2), r('i3', 'x', 3, 'v2', 3), r('i4', 'x', 4, 'v2', 4),
      r('i5', 'y', 3, 'v1', 1), r('i6', 'y', 3, 'v1', 2), r('i7', 'y', 2, 'v2', 3), r('i8', 'y', 2, 'v2', 4), r('i9', 'y', 2, 'v2', 5),
    ]);
    const [t] = guidelineTests(data, 4);
    expect(t).toMatchObject({ basis: 'same_labelers', n: 4, version: 0, against: 1 });
    expect(t?.effect).toBeCloseTo(1, 12);
    expect(t?.z).toBeGreaterThan(0);
  });

  it('on the same labelers, takes the item-clustered standard error when items are shared across labelers (statsmodels oracle)', () => {
    // Oracle: statsmodels 0.15 `ols('y ~ C(lab) + old').fit(cov_type='cluster', cov_kwds={'groups': item,
    // 'use_correction': False})` gives old = 1.125, se 0.618718433538229; × √(G/(G − 1)), G = 8 items:
    // 0.6614378277661476. The labels of one item move together, so this exceeds the pooled se.
    const r = (item_id: string, labeler_id: string, value: number, old: boolean, t: number): SkewLabelRecord => ({ item_id, labeler_id, value, guideline_version: old ? 'v1' : 'v2', slice: 's', labeled_at: t });
    const rows: [string, string, number, boolean][] = [
      ['i1', 'x', 4, true], ['i1', 'y', 5, true], ['i2', 'x', 2, true], ['i2', 'y', 3, true], ['i3', 'x', 5, true], ['i3', 'y', 4, true],
      ['i4', 'x', 3, false], ['i4', 'y', 3, false], ['i5', 'x', 1, false], ['i5', 'y', 2, false], ['i6', 'x', 4, false], ['i6', 'y', 4, false],
      ['i7', 'x', 5, true], ['i7', 'y', 3, false], ['i8', 'x', 2, false], ['i8', 'y', 3, true],
    ];
    const data = skewDataFromRecords({ kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, rows.map(([i, l, y, old], k) => r(i, l, y, old, k + (old ? 0 : 100))));
    const [t] = guidelineTests(data, 4);
    expect(t).toMatchObject({ basis: 'same_labelers', n: 8 });
    expect(t?.effect).toBeCloseTo(1.125, 12);
    expect(t?.se).toBeCloseTo(0.6614378277661476, 12);
  });
});
