import { createUniformStream } from '../stats/agreement/uniform-stream.js';
import type { PermutationDesign } from './permutation-design.js';

/**
 * Monte-Carlo permutation test of every test in a design at once: each permutation draws a uniform
 * random permutation of every group's values, sums c_g·value per test, and counts permutations at
 * least as extreme as the observed centered statistic (two-sided, |S − E| ≥ |s − E|).
 * p = (1 + count)/(B + 1) (Phipson & Smyth 2010), so it never goes below 1/(B + 1).
 *
 * Speed matters (the benchmark runs 1,000 permutations of a million labels), so nothing is
 * allocated per permutation and the loop touches each position once: positions that belong to the
 * same pair of tests form one "atom" (one add per position, then one per atom); values are stored
 * pre-multiplied by c_g; a group of up to 6 labels picks one of its m! orders from a precomputed
 * table with a single draw, larger groups are Fisher–Yates-shuffled in place (a shuffle of a shuffle
 * is still uniform). Uniforms come in blocks from stats/agreement/uniform-stream.ts (a closure call
 * per group would cost more than the group's arithmetic).
 */
export function permutationExceedances(d: PermutationDesign, centered: Float64Array, permutations: number, seed: number): Int32Array {
  const exceed = new Int32Array(d.nTests);
  if (permutations <= 0 || d.nTests === 0) return exceed;
  const nGroups = d.groupStart.length - 1;
  const { groupStart } = d;
  const cv = new Float64Array(d.values.length);
  const expected = new Float64Array(d.nTests);
  for (let g = 0; g < nGroups; g++) {
    const a = groupStart[g]!;
    const b = groupStart[g + 1]!;
    let mean = 0;
    for (let p = a; p < b; p++) mean += d.values[p]!;
    mean /= b - a;
    const c = d.groupWeight[g]!;
    for (let p = a; p < b; p++) {
      cv[p] = c * d.values[p]!;
      if (d.testA[p]! >= 0) expected[d.testA[p]!]! += c * mean;
      if (d.testB[p]! >= 0) expected[d.testB[p]!]! += c * mean;
    }
  }
  const { atom, atomTestA, atomTestB } = atoms(d);
  const nAtoms = atomTestA.length;
  const accAtom = new Float64Array(nAtoms);
  const acc = new Float64Array(d.nTests);
  const threshold = Float64Array.from(centered, (c) => Math.abs(c) * (1 - 1e-12) - 1e-12);
  const tables = orderTables(6);
  const stream = createUniformStream(seed);
  const draws = new Float64Array(nGroups);
  let largest = 0;
  for (let g = 0; g < nGroups; g++) largest = Math.max(largest, groupStart[g + 1]! - groupStart[g]!);
  const swaps = new Float64Array(largest > 8 ? largest : 0);
  for (let b = 0; b < permutations; b++) {
    accAtom.fill(0);
    stream.fill(draws);
    for (let g = 0; g < nGroups; g++) {
      const start = groupStart[g]!;
      const size = groupStart[g + 1]! - start;
      if (size < 2) continue;
      const u = draws[g]!;
      if (size <= 6) {
        const order = tables[size]!;
        const base = ((u * FACTORIAL[size]!) | 0) * size;
        for (let k = 0; k < size; k++) {
          const at = atom[start + k]!;
          if (at >= 0) accAtom[at]! += cv[start + order[base + k]!]!;
        }
      } else {
        // Up to 8 labels: mixed-radix digits of the one draw (8! ≪ 2³², bias < 1e−5); more (a slice in
        // the sparse design): a fresh draw per swap.
        let v = u;
        if (size > 8) stream.fill(swaps);
        for (let i = size - 1; i > 0; i--) {
          let j: number;
          if (size <= 8) {
            v *= i + 1;
            j = v | 0;
            v -= j;
          } else j = (swaps[i]! * (i + 1)) | 0;
          const tmp = cv[start + i]!;
          cv[start + i] = cv[start + j]!;
          cv[start + j] = tmp;
        }
        for (let p = start; p < start + size; p++) {
          const at = atom[p]!;
          if (at >= 0) accAtom[at]! += cv[p]!;
        }
      }
    }
    acc.fill(0);
    for (let k = 0; k < nAtoms; k++) {
      if (atomTestA[k]! >= 0) acc[atomTestA[k]!]! += accAtom[k]!;
      if (atomTestB[k]! >= 0) acc[atomTestB[k]!]! += accAtom[k]!;
    }
    for (let t = 0; t < d.nTests; t++) if (Math.abs(acc[t]! - expected[t]!) >= threshold[t]!) exceed[t]! += 1;
  }
  return exceed;
}

const FACTORIAL = [1, 1, 2, 6, 24, 120, 720];

/** For each size m ≤ max, all m! orders of 0..m−1, concatenated. */
function orderTables(max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let m = 0; m <= max; m++) {
    const flat: number[] = [];
    const rec = (prefix: number[], rest: number[]): void => {
      if (rest.length === 0) flat.push(...prefix);
      else rest.forEach((v, i) => rec([...prefix, v], [...rest.slice(0, i), ...rest.slice(i + 1)]));
    };
    rec([], Array.from({ length: m }, (_, i) => i));
    out.push(Uint8Array.from(flat));
  }
  return out;
}

/** Distinct (testA, testB) pairs of positions; −1 for positions in no test. */
function atoms(d: PermutationDesign): { atom: Int32Array; atomTestA: Int32Array; atomTestB: Int32Array } {
  const atom = new Int32Array(d.values.length);
  const ids = new Map<number, number>();
  const pairs: [number, number][] = [];
  for (let p = 0; p < atom.length; p++) {
    const ta = d.testA[p]!;
    const tb = d.testB[p]!;
    if (ta < 0 && tb < 0) {
      atom[p] = -1;
      continue;
    }
    const key = (ta + 1) * (d.nTests + 1) + tb + 1;
    let k = ids.get(key);
    if (k === undefined) {
      k = pairs.length;
      ids.set(key, k);
      pairs.push([ta, tb]);
    }
    atom[p] = k;
  }
  return { atom, atomTestA: Int32Array.from(pairs, (x) => x[0]), atomTestB: Int32Array.from(pairs, (x) => x[1]) };
}
