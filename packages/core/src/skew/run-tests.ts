import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { buildDesign } from './choose-comparison.js';
import type { RawTest } from './findings.js';
import { guidelineTests, type GuidelineTest } from './guideline-tests.js';
import { runLeniencyTests, type LeniencyTest } from './leniency-tests.js';
import type { SkewData } from './skew-data.js';
import type { ResolvedSkewOptions } from './skew-options.js';
import type { Comparison } from './skew-report.js';
import { timeTests } from './time-tests.js';

export interface TestFamily {
  readonly leniency: LeniencyTest[];
  /** Leniency tests first (same order as `leniency`), then drift and fatigue, then guideline shifts. */
  readonly tests: RawTest[];
  /** Benjamini–Hochberg q-values of `tests`. */
  readonly q: number[];
  /** Labelers peeled off everyone else's peers, in the order they were peeled. */
  readonly excludedFromPeers: number[];
  /** Guideline shifts the labels were adjusted for before the labeler tests. */
  readonly adjustedFor: GuidelineTest[];
}

/**
 * At most this many labelers are peeled off the peers (each costs one screening pass), and never
 * more than a quarter of them: spillover comes from a few strong outliers, and peeling most of a
 * small pool would leave the remaining labelers — and every slice test — with almost no peers.
 */
const MAX_PEELED = 10;
const maxPeeled = (nLabelers: number): number => Math.min(MAX_PEELED, Math.max(1, Math.floor(nLabelers / 4)), nLabelers - 2);

/**
 * All tests in one Benjamini–Hochberg family. A strongly lenient labeler inflates the peer mean of
 * everyone who shares items (or a slice) with them, so their co-labelers look severe; and when a
 * labeler's co-labelers are always the same few people, those few can all look skewed together.
 * So the peers are cleaned by peeling, one labeler at a time: screen every labeler against the
 * current peers, take the single most significant flagged labeler (smallest p, then largest |z|),
 * leave them out of everyone else's peers, and screen again — until nobody new is flagged. Peeled
 * labelers are tested against the peers without the *other* peeled labelers, so the cause keeps
 * its real peers while the victims of its spillover are cleared. The final round runs the
 * Monte-Carlo permutations of every test; screening rounds run them only where a p-value needs them
 * (small tests). Drift and fatigue use the final residuals.
 *
 * Guideline shifts are tested first (guideline-tests.ts). A shift significant among them (Benjamini–
 * Hochberg at the same alpha) is subtracted from the labels it concerns before any labeler is
 * tested: otherwise whoever happened to label a slice under the older version would look lenient
 * (or drifting) against co-labelers who labeled it under the newer one. The shift tests then join
 * the one family whose q-values are reported.
 */
export function runTestFamily(raw: SkewData, comparison: Comparison, options: ResolvedSkewOptions): TestFamily {
  const guideline = guidelineTests(raw, options.minLabels);
  const qGuideline = guideline.length === 0 ? [] : benjaminiHochberg(guideline.map((t) => t.pValue));
  const adjustedFor = guideline.filter((t, k) => qGuideline[k]! <= options.alpha && Math.abs(t.effect) >= options.minEffect && t.effect !== 0);
  const data = adjustForGuidelines(raw, adjustedFor);
  const nLabelers = data.labelerIds.length;
  const peeled = new Uint8Array(nLabelers);
  const order: number[] = [];
  while (order.length < maxPeeled(nLabelers)) {
    const screen = leniencyRound(data, comparison, options, order.length === 0 ? undefined : peeled, true).leniency;
    const q = screen.length === 0 ? [] : benjaminiHochberg(screen.map((t) => t.pValue));
    let best: LeniencyTest | undefined;
    screen.forEach((t, k) => {
      if (peeled[t.cell.labeler] === 1 || !(q[k]! <= options.alpha) || Math.abs(t.effect) < options.minEffect || t.effect === 0) return;
      if (best === undefined || t.pValue < best.pValue || (t.pValue === best.pValue && Math.abs(t.z) > Math.abs(best.z))) best = t;
    });
    if (best === undefined) break;
    peeled[best.cell.labeler] = 1;
    order.push(best.cell.labeler);
  }
  const final = leniencyRound(data, comparison, options, order.length === 0 ? undefined : peeled, false);
  return { ...family(data, final.leniency, final.residual, guideline, options), excludedFromPeers: order, adjustedFor };
}

/** The labels with each given shift subtracted from the older version's labels on its slice. */
function adjustForGuidelines(data: SkewData, shifts: readonly GuidelineTest[]): SkewData {
  if (shifts.length === 0) return data;
  const value = Float64Array.from(data.value);
  for (let i = 0; i + 1 < data.itemStart.length; i++) {
    for (const t of shifts) {
      if (data.itemSlice[i] !== t.slice) continue;
      for (let p = data.itemStart[i]!; p < data.itemStart[i + 1]!; p++) if (data.version[p] === t.version) value[p] = value[p]! - t.effect;
    }
  }
  return { ...data, value };
}

function leniencyRound(data: SkewData, comparison: Comparison, options: ResolvedSkewOptions, suspects: Uint8Array | undefined, screen: boolean): { leniency: LeniencyTest[]; residual: Float64Array } {
  const main = buildDesign(data, comparison, options.minLabels, suspects);
  const leniency = runLeniencyTests(main, options.permutations, options.seed, screen);
  const residual = Float64Array.from(main.residual);
  if (suspects === undefined) return { leniency, residual };
  suspects.forEach((isSuspect, s) => {
    if (isSuspect === 0) return;
    const others = Uint8Array.from(suspects, (v, j) => (j === s ? 0 : v));
    const own = buildDesign(data, comparison, options.minLabels, others, s);
    leniency.push(...runLeniencyTests(own, options.permutations, options.seed + 1 + s));
    for (let p = 0; p < residual.length; p++) if (data.labeler[p] === s) residual[p] = own.residual[p]!;
  });
  return { leniency, residual };
}

function family(data: SkewData, leniency: LeniencyTest[], residual: Float64Array, guideline: readonly GuidelineTest[], options: ResolvedSkewOptions): Omit<TestFamily, 'excludedFromPeers' | 'adjustedFor'> {
  const time = timeTests(data, residual, Math.max(options.minLabels, 20));
  const tests: RawTest[] = [
    ...leniency.map((t): RawTest => ({ labeler: t.cell.labeler, slice: t.cell.slice, kind: 'leniency', basis: 'labels', effect: t.effect, se: t.se, nullSe: t.z === 0 ? t.se : Math.abs(t.effect / t.z), n: t.n, pValue: t.pValue, pPermutation: t.pPermutation, versions: null })),
    ...time.map((t): RawTest => ({ labeler: t.labeler, slice: -1, kind: t.kind, basis: t.basis, effect: t.effect, se: t.se, nullSe: t.se, n: t.n, pValue: t.pValue, pPermutation: null, versions: null })),
    ...guideline.map((t): RawTest => ({ labeler: -1, slice: t.slice, kind: 'guideline_shift', basis: t.basis, effect: t.effect, se: t.se, nullSe: t.nullSe, n: t.n, pValue: t.pValue, pPermutation: null, versions: [t.version, t.against] })),
  ];
  return { leniency, tests, q: tests.length === 0 ? [] : benjaminiHochberg(tests.map((t) => t.pValue)) };
}
