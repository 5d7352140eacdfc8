import { benjaminiHochberg } from '../stats/benjamini-hochberg.js';
import { buildDesign } from './choose-comparison.js';
import type { RawTest } from './findings.js';
import { runLeniencyTests, type LeniencyTest } from './leniency-tests.js';
import type { SkewData } from './skew-data.js';
import type { ResolvedSkewOptions } from './skew-options.js';
import type { Comparison } from './skew-report.js';
import { timeTests } from './time-tests.js';

export interface TestFamily {
  readonly leniency: LeniencyTest[];
  /** Leniency tests first (same order as `leniency`), then drift and fatigue. */
  readonly tests: RawTest[];
  /** Benjamini–Hochberg q-values of `tests`. */
  readonly q: number[];
  /** Labelers left out of everyone else's peers in the second round. */
  readonly excludedFromPeers: number[];
}

/**
 * All tests in one Benjamini–Hochberg family, in two rounds. A strongly lenient labeler inflates
 * the peer mean of everyone who shares items (or a slice) with them, so their co-labelers look
 * severe. Round 1 tests everyone against all peers; labelers it flags for leniency or severity are
 * then left out of the peers, and round 2 re-tests everyone else without them (the flagged keep
 * their round-1 result). Drift and fatigue use the residuals of the round each labeler's result
 * comes from.
 */
export function runTestFamily(data: SkewData, comparison: Comparison, options: ResolvedSkewOptions): TestFamily {
  const first = oneRound(data, comparison, options, undefined, undefined);
  const suspects = new Uint8Array(data.labelerIds.length);
  first.tests.forEach((t, k) => {
    if (t.kind === 'leniency' && first.q[k]! <= options.alpha && Math.abs(t.effect) >= options.minEffect && t.effect !== 0) suspects[t.labeler] = 1;
  });
  const excluded = [...suspects.keys()].filter((j) => suspects[j] === 1);
  if (excluded.length === 0 || excluded.length === data.labelerIds.length) return { ...first, excludedFromPeers: [] };
  return { ...oneRound(data, comparison, options, suspects, first), excludedFromPeers: excluded };
}

function oneRound(
  data: SkewData,
  comparison: Comparison,
  options: ResolvedSkewOptions,
  suspects: Uint8Array | undefined,
  previous: (Omit<TestFamily, 'excludedFromPeers'> & { residual: Float64Array }) | undefined,
): Omit<TestFamily, 'excludedFromPeers'> & { residual: Float64Array } {
  const design = buildDesign(data, comparison, options.minLabels, suspects);
  let leniency = runLeniencyTests(design, options.permutations, options.seed);
  let residual = design.residual;
  if (suspects !== undefined && previous !== undefined) {
    leniency = [...previous.leniency.filter((t) => suspects[t.cell.labeler] === 1), ...leniency];
    residual = Float64Array.from(design.residual, (r, p) => (suspects[data.labeler[p]!] === 1 ? previous.residual[p]! : r));
  }
  const time = timeTests(data, residual, Math.max(options.minLabels, 20));
  const tests: RawTest[] = [
    ...leniency.map((t): RawTest => ({ labeler: t.cell.labeler, slice: t.cell.slice, kind: 'leniency', basis: 'labels', effect: t.effect, se: t.se, n: t.n, pValue: t.pValue })),
    ...time.map((t): RawTest => ({ labeler: t.labeler, slice: -1, kind: t.kind, basis: t.basis, effect: t.effect, se: t.se, n: t.n, pValue: t.pValue })),
  ];
  return { leniency, tests, q: tests.length === 0 ? [] : benjaminiHochberg(tests.map((t) => t.pValue)), residual };
}
