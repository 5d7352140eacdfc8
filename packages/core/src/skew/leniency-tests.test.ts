import { describe, expect, it } from 'vitest';
import { coLabelerDesign } from './co-labeler-design.js';
import { robustZ, runLeniencyTests } from './leniency-tests.js';
import { permutationMoments } from './permutation-design.js';
import { skewDataFromRecords, type SkewLabelRecord } from './skew-data-from-records.js';

const INTERVAL = { kind: 'interval', min: -100, max: 100, pass_threshold: 0 } as const;

/** Park–Miller LCG and Box–Muller: a seeded normal stream. */
function normals(seed: number): () => number {
  let s = seed;
  const u = (): number => (s = (s * 48271) % 2147483647) / 2147483647;
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

describe('robustZ', () => {
  it('takes the Welch z when it is smaller, keeping the permutation sign', () => {
    expect(robustZ(3.2, 0.32, 0.113)).toBeCloseTo(0.32 / 0.113, 12);
    expect(robustZ(-3.2, -0.32, 0.113)).toBeCloseTo(-0.32 / 0.113, 12);
    expect(robustZ(2, 0.32, 0.1)).toBe(2);
    expect(robustZ(2, 0.32, Number.NaN)).toBe(2);
  });
});

describe('leniency test with a labeler noisier than their peers (no one biased)', () => {
  // 300 items × 3 labels; labeler N has noise sd 1.0, the five others 0.5, all unbiased. Shuffling
  // labels within items treats N as exchangeable with the peers, which they are not: the permutation
  // variance of N's mean residual is too small, and the plain permutation z rejects too often.
  it('rejects at about the nominal 5% (measured 17/300; the permutation z alone: 35/300)', () => {
    const runs = 300;
    let robust = 0;
    let plain = 0;
    for (let r = 0; r < runs; r++) {
      const z = normals(1 + r * 7919);
      const records: SkewLabelRecord[] = [];
      const peers = ['A', 'B', 'C', 'D', 'E'];
      for (let i = 0; i < 300; i++) {
        const q = 2 * z();
        const who = ['N', peers[i % 5]!, peers[(i + 2) % 5]!];
        for (const l of who) records.push({ item_id: `i${i}`, labeler_id: l, value: q + (l === 'N' ? 1 : 0.5) * z(), slice: 's' });
      }
      const data = skewDataFromRecords(INTERVAL, records);
      const d = coLabelerDesign(data, 10);
      const t = d.cells.findIndex((c) => c.labeler === data.labelerIds.indexOf('N') && c.slice === -1);
      const test = runLeniencyTests(d, 0, 1)[t]!;
      if (test.pValue < 0.05) robust += 1;
      const m = permutationMoments(d.design);
      if (Math.abs(m.centered[t]! / Math.sqrt(m.variance[t]!)) > 1.959964) plain += 1;
    }
    console.log(`noisy unbiased labeler: rejected at 5% in ${robust}/${runs} (robust z), ${plain}/${runs} (permutation z)`);
    expect(robust / runs).toBeLessThanOrEqual(0.08);
    expect(plain / runs).toBeGreaterThan(0.09);
  }, 120_000);
});
