import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng.js';
import { guidelineTests } from './guideline-tests.js';
import { skewDataFromRecords, type SkewLabelRecord } from './skew-data-from-records.js';

// Each item labeled by 3 of 8 labelers, all under the version in force when it came up (first half v1,
// second half v2), no shift planted: the labels of an item share its quality, so the within-labeler
// shuffle alone (labels independent) overstated z: before the item-clustered variance, sd 1.67 and
// |z| > 1.96 in 21% of these 300 runs.
function noShift(seed: number): SkewLabelRecord[] {
  const rng = createRng(seed);
  const out: SkewLabelRecord[] = [];
  const nItems = 300;
  for (let i = 0; i < nItems; i++) {
    const quality = 1 + 4 * rng.next();
    const version = i < nItems / 2 ? 'v1' : 'v2';
    const labelers = new Set<number>();
    while (labelers.size < 3) labelers.add(rng.int(8));
    for (const j of labelers) {
      const value = Math.min(5, Math.max(1, Math.round(quality + 0.5 * rng.normal())));
      out.push({ item_id: `i${i}`, labeler_id: `L${j}`, value, guideline_version: version, slice: 's', labeled_at: i * 1000 + j });
    }
  }
  return out;
}

describe('guidelineTests under no shift, items shared by labelers (simulation)', () => {
  it('keeps z near N(0, 1) on the same labelers: false alarms near 5% at |z| > 1.96 over 300 seeds', () => {
    const z: number[] = [];
    for (let seed = 1; seed <= 300; seed++) {
      const [t] = guidelineTests(skewDataFromRecords({ kind: 'ordinal', min: 1, max: 5, pass_threshold: 4 }, noShift(seed)), 10);
      expect(t?.basis).toBe('same_labelers');
      z.push(t!.z);
    }
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / (z.length - 1));
    const alarms = z.filter((v) => Math.abs(v) > 1.96).length / z.length;
    console.log(`z mean ${mean.toFixed(3)} sd ${sd.toFixed(3)}; |z| > 1.96 in ${(alarms * 100).toFixed(1)}%`);
    expect(sd).toBeGreaterThan(0.85);
    expect(sd).toBeLessThan(1.15);
    expect(alarms).toBeLessThan(0.09);
  });
});
