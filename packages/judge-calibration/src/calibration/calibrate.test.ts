import { createRng } from '@touchstone/core/stats';
import { describe, expect, it } from 'vitest';
import { calibrate } from './calibrate.js';
import type { CalibrationPair } from './calibration-pair.js';

const ordinal = { kind: 'ordinal' as const, min: 1, max: 5, pass_threshold: 4 };
const human = [1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 3, 3, 4, 4, 5, 2, 2, 1, 5, 4, 3, 2, 4, 5, 1, 3, 4, 2, 5, 3];
const judge = [1, 2, 4, 4, 5, 4, 4, 3, 3, 1, 3, 2, 5, 4, 5, 2, 1, 2, 5, 5, 3, 3, 4, 4, 2, 3, 4, 2, 3, 1];
const pairs: CalibrationPair[] = human.map((h, i) => ({ item_id: `i${i}`, human: h, judge: judge[i] as number }));

describe('calibrate', () => {
  it('computes the overall statistics the references compute', () => {
    const r = calibrate(pairs, { scale: ordinal });
    const o = r.overall;
    // scikit-learn 1.9.1: cohen_kappa_score(human, judge, labels=[1..5]) -> 0.45301542776998605;
    //   weights='linear' -> 0.6590909090909092; weights='quadratic' -> 0.8131147540983606
    expect(o.kappa?.value).toBeCloseTo(0.45301542776998605, 12);
    expect(o.weighted_kappa?.linear?.value).toBeCloseTo(0.6590909090909092, 12);
    expect(o.weighted_kappa?.quadratic?.value).toBeCloseTo(0.8131147540983606, 12);
    // scipy 1.17.1: spearmanr(judge, human) -> 0.8267203688618718; kendalltau -> 0.7247219603087911
    expect(o.spearman?.value).toBeCloseTo(0.8267203688618718, 12);
    expect(o.kendall_tau_b?.value).toBeCloseTo(0.7247219603087911, 12);
    // Direct counts: 28 of 30 within ±1, 17 exact; mean(judge − human) = −1/30.
    expect(o.agreement).toBeCloseTo(28 / 30, 14);
    expect(o.exact_agreement).toBeCloseTo(17 / 30, 14);
    expect(o.bias).toBeCloseTo(-1 / 30, 14);
    expect(o.confusion_matrix.counts[2]).toEqual([1, 1, 4, 1, 0]);
    for (const e of [o.kappa, o.weighted_kappa?.quadratic, o.spearman, o.kendall_tau_b]) {
      expect(e?.ci?.[0]).toBeLessThan(e?.value ?? 0);
      expect(e?.ci?.[1]).toBeGreaterThan(e?.value ?? 0);
    }
    expect(r.bands.map((b) => b.band)).toEqual(['1', '2', '3', '4', '5']);
    expect(r.bands.reduce((s, b) => s + b.n, 0)).toBe(30);
  });

  it('bands a fractional judge score by its nearest point and honours --bands edges', () => {
    const r = calibrate([{ item_id: 'a', judge: 2.5, human: 3 }, { item_id: 'b', judge: 4.4, human: 2 }], { scale: ordinal });
    expect(r.bands[2]?.n).toBe(1);
    expect(r.bands[3]?.n).toBe(1);
    expect(r.bands[3]?.agreement).toBe(0);
    const e = calibrate(pairs, { scale: ordinal, edges: [1, 3, 5] });
    expect(e.bands.map((b) => b.band)).toEqual(['[1, 3)', '[3, 5]']);
    expect(() => calibrate(pairs, { scale: ordinal, edges: [1, 1, 5] })).toThrow(/strictly increasing/);
  });

  it('a judge right in the middle bands and wrong on the top band: top untrusted, middle trusted', () => {
    // Humans rate 2000 items uniformly on 1–5. The judge agrees within ±1 on the middle, but also gives 5
    // to 40% of the items humans rate 1 or 2 — the failure an aggregate number hides.
    const rng = createRng(2024);
    const sim: CalibrationPair[] = [];
    for (let i = 0; i < 2000; i++) {
      const h = 1 + (i % 5);
      let j = h;
      if (h <= 2 && rng.next() < 0.4) j = 5;
      else if (h >= 2 && h <= 4 && rng.next() < 0.15) j = h + (rng.next() < 0.5 ? -1 : 1);
      sim.push({ item_id: `s${i}`, human: h, judge: j });
    }
    const r = calibrate(sim, { scale: ordinal, target: 0.8 });
    const verdict = (band: string): string | undefined => r.bands.find((b) => b.band === band)?.verdict;
    expect(verdict('5')).toBe('untrusted');
    expect(verdict('2')).toBe('trusted');
    expect(verdict('3')).toBe('trusted');
    expect(verdict('4')).toBe('trusted');
    expect(r.verdicts.untrusted).toEqual(['5']);
    // The headline exposes the gap: aggregate ≥ 0.8 while the worst band is far below.
    expect(r.headline.aggregate_agreement).toBeGreaterThan(0.8);
    expect(r.headline.worst_band?.agreement).toBeLessThan(0.6);
    expect(r.bands.find((b) => b.band === '5')?.bias).toBeGreaterThan(1);
  });

  it('handles binary and nominal scales', () => {
    const bin = calibrate(
      [1, 1, 0, 0, 1, 0, 1, 0].map((h, i) => ({ item_id: `b${i}`, human: h, judge: [1, 0, 0, 1, 1, 0, 1, 0][i] as number })),
      { scale: { kind: 'binary' } },
    );
    expect(bin.bands.map((b) => b.band)).toEqual(['0', '1']);
    expect(bin.overall.pass_fail.tpr.value).toBe(0.75);
    expect(bin.overall.pass_fail.tnr.value).toBe(0.75);
    expect(bin.overall.weighted_kappa).toBeNull();
    // scikit-learn: cohen_kappa_score([1,1,0,0,1,0,1,0], [1,0,0,1,1,0,1,0]) -> 0.5
    expect(bin.overall.kappa?.value).toBeCloseTo(0.5, 14);
    const nom = calibrate(
      [0, 1, 2, 2, 1, 0].map((h, i) => ({ item_id: `n${i}`, human: h, judge: [0, 1, 1, 2, 1, 2][i] as number })),
      { scale: { kind: 'nominal', categories: ['billing', 'bug', 'other'] } },
    );
    expect(nom.bands.map((b) => b.band)).toEqual(['billing', 'bug', 'other']);
    expect(nom.overall.bias).toBeNull();
    expect(nom.overall.spearman).toBeNull();
    expect(nom.overall.agreement).toBeCloseTo(4 / 6, 14);
  });

  it('is reproducible and reports empty input without failing', () => {
    expect(calibrate(pairs, { scale: ordinal, seed: 3 })).toEqual(calibrate(pairs, { scale: ordinal, seed: 3 }));
    const empty = calibrate([], { scale: ordinal });
    expect(empty.n_pairs).toBe(0);
    expect(empty.bands.every((b) => b.verdict === 'insufficient' && b.agreement === null)).toBe(true);
    expect(empty.headline.worst_band).toBeNull();
  });
});
