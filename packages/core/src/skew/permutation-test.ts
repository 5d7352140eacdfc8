import { createRng } from '../stats/rng.js';
import type { PermutationDesign } from './permutation-design.js';

/**
 * Monte-Carlo permutation test of every test in a design at once: each permutation shuffles the
 * values within every group (Fisher–Yates on one scratch copy — a shuffle of a shuffle is still
 * uniform, so nothing is reset or allocated per permutation), sums c_g·value per test, and counts
 * permutations at least as extreme as the observed centered statistic (two-sided, |S − E| ≥ |s − E|).
 * p = (1 + count)/(B + 1) (Phipson & Smyth 2010), so it never goes below 1/(B + 1).
 * Groups of up to 8 positions draw one 32-bit number per shuffle, decoded in mixed radix
 * (8! = 40320 ≪ 2³², bias < 1e−5).
 */
export function permutationExceedances(d: PermutationDesign, centered: Float64Array, permutations: number, seed: number): Int32Array {
  const exceed = new Int32Array(d.nTests);
  if (permutations <= 0 || d.nTests === 0) return exceed;
  const rng = createRng(seed);
  const scratch = Float64Array.from(d.values);
  const acc = new Float64Array(d.nTests);
  const expected = new Float64Array(d.nTests);
  const threshold = new Float64Array(d.nTests);
  const nGroups = d.groupStart.length - 1;
  for (let g = 0; g < nGroups; g++) {
    const a = d.groupStart[g]!;
    const b = d.groupStart[g + 1]!;
    let mean = 0;
    for (let p = a; p < b; p++) mean += d.values[p]!;
    mean /= b - a;
    for (let p = a; p < b; p++) {
      const v = d.groupWeight[g]! * mean;
      if (d.testA[p]! >= 0) expected[d.testA[p]!]! += v;
      if (d.testB[p]! >= 0) expected[d.testB[p]!]! += v;
    }
  }
  for (let t = 0; t < d.nTests; t++) threshold[t] = Math.abs(centered[t]!) * (1 - 1e-12) - 1e-12;
  const { groupStart, groupWeight, testA, testB } = d;
  for (let b = 0; b < permutations; b++) {
    acc.fill(0);
    for (let g = 0; g < nGroups; g++) {
      const start = groupStart[g]!;
      const size = groupStart[g + 1]! - start;
      if (size < 2) continue;
      shuffleSegment(scratch, start, size, rng);
      const c = groupWeight[g]!;
      for (let p = start; p < start + size; p++) {
        const v = c * scratch[p]!;
        const ta = testA[p]!;
        const tb = testB[p]!;
        if (ta >= 0) acc[ta]! += v;
        if (tb >= 0) acc[tb]! += v;
      }
    }
    for (let t = 0; t < d.nTests; t++) if (Math.abs(acc[t]! - expected[t]!) >= threshold[t]!) exceed[t]! += 1;
  }
  return exceed;
}

function shuffleSegment(x: Float64Array, start: number, size: number, rng: { next(): number; int(n: number): number }): void {
  if (size <= 8) {
    let u = Math.floor(rng.next() * 4294967296);
    for (let i = size - 1; i > 0; i--) {
      const j = u % (i + 1);
      u = Math.floor(u / (i + 1));
      const tmp = x[start + i]!;
      x[start + i] = x[start + j]!;
      x[start + j] = tmp;
    }
    return;
  }
  for (let i = size - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = x[start + i]!;
    x[start + i] = x[start + j]!;
    x[start + j] = tmp;
  }
}
