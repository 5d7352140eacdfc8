import { twoSidedP } from '../stats/normal.js';
import type { LeniencyDesign } from './co-labeler-design.js';
import { permutationMoments } from './permutation-design.js';
import { permutationExceedances } from './permutation-test.js';
import type { TestCell } from './test-cells.js';

/** Below this many compared labels the Monte-Carlo permutation p-value is used instead of the normal one. */
export const NORMAL_MIN_N = 30;

export const P_VALUE_METHOD =
  'two-sided; labels shuffled among the labelers of each item (co_labelers) or of each slice (slice_peers). ' +
  `With at least ${NORMAL_MIN_N} compared labels: normal approximation to the permutation distribution using its exact mean and ` +
  'variance (resolution is not limited by the number of permutations, so Benjamini-Hochberg can reject among many tests). ' +
  'Below that: Monte-Carlo permutation p = (1 + #|S*| >= |S|)/(B + 1). Drift and fatigue: permutation trend test, normal approximation.';

export interface LeniencyTest {
  readonly cell: TestCell;
  readonly n: number;
  readonly effect: number;
  readonly se: number;
  readonly z: number;
  readonly pNormal: number;
  /** Monte-Carlo permutation p-value, null when no permutations ran. */
  readonly pPermutation: number | null;
  readonly pValue: number;
}

/** Runs every leniency test of a design: exact permutation moments, then B Monte-Carlo permutations. */
export function runLeniencyTests(d: LeniencyDesign, permutations: number, seed: number): LeniencyTest[] {
  const moments = permutationMoments(d.design);
  const exceed = permutationExceedances(d.design, moments.centered, permutations, seed);
  return d.cells.map((cell, t) => {
    const variance = moments.variance[t]!;
    const z = variance > 0 ? moments.centered[t]! / Math.sqrt(variance) : 0;
    const pNormal = variance > 0 ? twoSidedP(z) : 1;
    const pPermutation = permutations > 0 ? (1 + exceed[t]!) / (permutations + 1) : null;
    const n = moments.n[t]!;
    const pValue = n >= NORMAL_MIN_N || pPermutation === null ? pNormal : pPermutation;
    return { cell, n, effect: d.effect[t]!, se: d.se[t]!, z, pNormal, pPermutation, pValue };
  });
}
