import { describe, expect, it } from 'vitest';
import { permutationMoments, type PermutationDesign } from './permutation-design.js';
import { permutationExceedances } from './permutation-test.js';

// Three items (groups) of 3, 2 and 4 labels; test 0 = labeler A (one label in each item), test 1 =
// labeler B (items 1 and 3), test 2 = a labeler × slice cell holding two positions of item 3.
const design: PermutationDesign = {
  groupStart: Int32Array.of(0, 3, 5, 9),
  values: Float64Array.of(5, 2, 3, 1, 4, 5, 5, 1, 2),
  groupWeight: Float64Array.of(3 / 2, 2, 4 / 3),
  testA: Int32Array.of(0, 1, -1, 0, -1, 0, 1, -1, -1),
  testB: Int32Array.of(-1, -1, -1, -1, -1, 2, -1, 2, -1),
  nTests: 3,
};

/** Every within-group permutation, enumerated: the statistic of each test under each. */
function enumerate(d: PermutationDesign): number[][] {
  const groups = Array.from({ length: d.groupStart.length - 1 }, (_, g) => Array.from(d.values.subarray(d.groupStart[g]!, d.groupStart[g + 1]!)));
  const perms = (xs: number[]): number[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest])));
  let all: number[][] = [[]];
  for (const g of groups) all = all.flatMap((prefix) => perms(g).map((p) => [...prefix, ...p]));
  return all.map((values) => {
    const s = new Array<number>(d.nTests).fill(0);
    values.forEach((v, p) => {
      const g = [...d.groupStart].findIndex((start, k) => p >= start && p < d.groupStart[k + 1]!);
      for (const t of [d.testA[p]!, d.testB[p]!]) if (t >= 0) s[t]! += d.groupWeight[g]! * v;
    });
    return s;
  });
}

describe('permutationMoments', () => {
  it('equals the mean and variance over all within-group permutations (3!·2!·4! = 288)', () => {
    const all = enumerate(design);
    expect(all).toHaveLength(288);
    const m = permutationMoments(design);
    for (let t = 0; t < 3; t++) {
      const xs = all.map((s) => s[t]!);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
      const observed = all[0]![t]!; // the identity permutation is enumerated first
      expect(m.centered[t]).toBeCloseTo(observed - mean, 12);
      expect(m.variance[t]).toBeCloseTo(variance, 12);
    }
    expect(Array.from(m.n)).toEqual([3, 2, 2]);
  });
});

describe('permutationExceedances', () => {
  it('estimates the exact two-sided permutation p-value', () => {
    const all = enumerate(design);
    const m = permutationMoments(design);
    const B = 20_000;
    const exceed = permutationExceedances(design, m.centered, B, 9);
    for (let t = 0; t < 3; t++) {
      const xs = all.map((s) => s[t]!);
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const exact = xs.filter((x) => Math.abs(x - mean) >= Math.abs(m.centered[t]!) - 1e-9).length / xs.length;
      // Monte-Carlo standard error √(p(1 − p)/B) ≤ 0.0036: allow 4 of them.
      expect(Math.abs(exceed[t]! / B - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / B) + 1e-3);
    }
  });
  it('counts nothing when asked for no permutations', () => {
    expect(Array.from(permutationExceedances(design, permutationMoments(design).centered, 0, 1))).toEqual([0, 0, 0]);
  });
});
