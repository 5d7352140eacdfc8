import { twoSidedP } from '../stats/normal.js';
import type { LeniencyDesign } from './co-labeler-design.js';
import { permutationMoments, type PermutationDesign } from './permutation-design.js';
import { permutationExceedances } from './permutation-test.js';
import type { TestCell } from './test-cells.js';

/** Below this many compared labels the Monte-Carlo permutation p-value is used instead of the normal one. */
export const NORMAL_MIN_N = 30;
/** A Monte-Carlo p-value with fewer exceedances than this is refined with REFINE_FACTOR times the permutations. */
const REFINE_BELOW = 5;
const REFINE_FACTOR = 100;
const REFINE_MAX = 200_000;

export const P_VALUE_METHOD =
  'two-sided; labels shuffled among the labelers of each item (co_labelers) or of each slice (slice_peers). ' +
  `With at least ${NORMAL_MIN_N} compared labels: normal approximation to the permutation distribution using its exact mean and ` +
  "variance, or the labeler's own residual variance when that is larger (a noisier labeler is not exchangeable with their peers); " +
  'resolution is not limited by the number of permutations, so Benjamini-Hochberg can reject among many tests. ' +
  'Below that: Monte-Carlo permutation p = (1 + #|S*| >= |S|)/(B + 1); when fewer than ' + '5 of the B permutations reach the observed statistic, ' +
  `the test is rerun with ${REFINE_FACTOR}·B fresh permutations (at most ${REFINE_MAX}) and p comes from those alone, so a small but clear effect is not held at ` +
  'p >= 1/(B + 1) (which Benjamini-Hochberg over many tests cannot reject). Drift and fatigue: permutation trend test, normal approximation. ' +
  'Guideline shifts: version tags shuffled within items (same_items) or within labelers (same_labelers), normal approximation; ' +
  'on same_labelers the variance is the larger of that and the item-clustered (sandwich) one, since the labels of one item move together.';

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

/**
 * Runs every leniency test of a design: exact permutation moments, then B Monte-Carlo permutations.
 * `screen` (the first of two rounds, whose large tests only pick suspects) runs the permutations
 * just for the tests whose p-value needs them (fewer than NORMAL_MIN_N labels), on the groups that
 * hold their labels; the others then report no Monte-Carlo p-value. Only the final round refines a
 * small test's p-value with more permutations (screening just picks who to peel), and only the final
 * round's normal p-value uses the labeler's own spread when it is larger (robustZ).
 */
export function runLeniencyTests(d: LeniencyDesign, permutations: number, seed: number, screen = false): LeniencyTest[] {
  const moments = permutationMoments(d.design);
  const exceed = screen
    ? permutationExceedances(restrictTo(d.design, (t) => moments.n[t]! < NORMAL_MIN_N), moments.centered, permutations, seed)
    : permutationExceedances(d.design, moments.centered, permutations, seed);
  const ran = (t: number): boolean => permutations > 0 && (!screen || moments.n[t]! < NORMAL_MIN_N);
  const refine = new Set<number>();
  d.cells.forEach((_, t) => {
    if (!screen && ran(t) && moments.n[t]! < NORMAL_MIN_N && exceed[t]! < REFINE_BELOW) refine.add(t);
  });
  const extra = Math.min(REFINE_MAX, REFINE_FACTOR * permutations);
  const refined = refine.size === 0 ? null
    : permutationExceedances(restrictTo(d.design, (t) => refine.has(t)), moments.centered, extra, seed + 0x9e37);
  return d.cells.map((cell, t) => {
    const variance = moments.variance[t]!;
    const zPermutation = variance > 0 ? moments.centered[t]! / Math.sqrt(variance) : 0;
    // Screening only picks whom to leave out of the peers (a noisy labeler left out costs little).
    const z = screen ? zPermutation : robustZ(zPermutation, d.effect[t]!, d.se[t]!);
    const pNormal = variance > 0 ? twoSidedP(z) : 1;
    const pPermutation = !ran(t) ? null : refined !== null && refine.has(t) ? (1 + refined[t]!) / (extra + 1) : (1 + exceed[t]!) / (permutations + 1);
    const n = moments.n[t]!;
    const pValue = n >= NORMAL_MIN_N || pPermutation === null ? pNormal : pPermutation;
    return { cell, n, effect: d.effect[t]!, se: d.se[t]!, z, pNormal, pPermutation, pValue };
  });
}

/**
 * The permutation z, shrunk to the Welch-type z = effect / se (the labeler's own residual spread)
 * when that is smaller. Shuffling labels among an item's labelers assumes they are exchangeable —
 * equally noisy as well as equally lenient — so a noisier-than-average labeler's permutation
 * variance is too small and an unbiased but noisy labeler gets flagged (the demo's ivan.p, noise 0.65
 * against 0.45–0.6, flagged lenient on one slice at z 3.2 where his own spread gives 2.8). Taking the
 * smaller |z| keeps the test valid when variances differ (the studentized permutation test's point:
 * Janssen 1997, Stat. Probab. Lett. 36:9–21; Chung & Romano 2013, Ann. Statist. 41:484–507) and
 * changes nothing for a labeler as noisy as their peers or less.
 */
export function robustZ(zPermutation: number, effect: number, se: number): number {
  if (!(se > 0) || !Number.isFinite(effect)) return zPermutation;
  const welch = effect / se;
  return Math.abs(welch) < Math.abs(zPermutation) ? Math.sign(zPermutation) * Math.abs(welch) : zPermutation;
}

/** The design cut down to the groups holding labels of the kept tests, with only those tests kept. */
function restrictTo(d: PermutationDesign, keepTest: (t: number) => boolean): PermutationDesign {
  const small = (t: number): boolean => t >= 0 && keepTest(t);
  const groupStart: number[] = [0];
  const values: number[] = [];
  const groupWeight: number[] = [];
  const testA: number[] = [];
  const testB: number[] = [];
  for (let g = 0; g + 1 < d.groupStart.length; g++) {
    const a = d.groupStart[g]!;
    const b = d.groupStart[g + 1]!;
    let keep = false;
    for (let p = a; p < b && !keep; p++) keep = small(d.testA[p]!) || small(d.testB[p]!);
    if (!keep) continue;
    for (let p = a; p < b; p++) {
      values.push(d.values[p]!);
      testA.push(small(d.testA[p]!) ? d.testA[p]! : -1);
      testB.push(small(d.testB[p]!) ? d.testB[p]! : -1);
    }
    groupWeight.push(d.groupWeight[g]!);
    groupStart.push(values.length);
  }
  return {
    groupStart: Int32Array.from(groupStart), values: Float64Array.from(values), groupWeight: Float64Array.from(groupWeight),
    testA: Int32Array.from(testA), testB: Int32Array.from(testB), nTests: d.nTests,
  };
}
