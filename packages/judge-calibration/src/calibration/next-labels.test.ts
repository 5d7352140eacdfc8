import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.js';
import type { CalibrationPair } from './calibration-pair.js';
import { nextLabels } from './next-labels.js';

const scale = { kind: 'ordinal' as const, min: 1, max: 5 };

describe('nextLabels', () => {
  it('draws from the insufficient bands, alternating between the highest and lowest judge scores', () => {
    // Bands 2–4 are well labeled and trusted; bands 1 and 5 have 3 pairs each (insufficient).
    const pairs: CalibrationPair[] = [];
    for (const s of [2, 3, 4]) for (let i = 0; i < 60; i++) pairs.push({ item_id: `l${s}-${i}`, judge: s, human: s });
    for (const s of [1, 5]) for (let i = 0; i < 3; i++) pairs.push({ item_id: `l${s}-${i}`, judge: s, human: s });
    const report = calibrate(pairs, { scale });
    expect(report.bands.filter((b) => b.verdict === 'insufficient').map((b) => b.band)).toEqual(['1', '5']);
    const candidates = [1, 2, 3, 4, 5].flatMap((s) => Array.from({ length: 30 }, (_, i) => ({ item_id: `u${s}-${i}`, judge: s })));
    const next = nextLabels(report, candidates, { limit: 10 });
    expect(next.suggestions).toHaveLength(10);
    // Alternation: top tail, bottom tail, top, bottom…
    expect(next.suggestions.map((s) => s.band)).toEqual(['5', '1', '5', '1', '5', '1', '5', '1', '5', '1']);
    expect(next.suggestions.every((s) => !s.item_id.startsWith('u3'))).toBe(true);
    // Each band needs 13 more labels (3/3 → 16 for a Wilson lower bound ≥ 0.8): the cap stops at 13 per band.
    const many = nextLabels(report, candidates, { limit: 100 });
    expect(many.suggestions).toHaveLength(26);
    expect(many.target_bands.map((t) => [t.band, t.extra_labels_needed, t.suggested])).toEqual([
      ['1', 13, 13],
      ['5', 13, 13],
    ]);
  });

  it('targets the widest bands when every band is decided', () => {
    const pairs: CalibrationPair[] = [];
    for (const s of [1, 2, 3, 4, 5]) for (let i = 0; i < (s === 4 ? 40 : 200); i++) pairs.push({ item_id: `${s}-${i}`, judge: s, human: s });
    const report = calibrate(pairs, { scale });
    const next = nextLabels(report, [{ item_id: 'x', judge: 4 }, { item_id: 'y', judge: 2 }], { limit: 5 });
    expect(next.target_bands[0]?.band).toBe('4');
    expect(next.suggestions[0]?.item_id).toBe('x');
  });
});
