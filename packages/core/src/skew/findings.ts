import { normalQuantile } from '../stats/normal.js';
import { CAVEATS, TIME_CAVEATS } from './caveats.js';
import type { Impact } from './leave-one-out.js';
import { shellWord } from './shell-word.js';
import type { SkewData } from './skew-data.js';
import type { GuidelineBasis } from './guideline-tests.js';
import type { Comparison, SkewFlag, SkewLeaveOneOut } from './skew-report.js';

/** One test of the family Benjamini–Hochberg runs over. */
export interface RawTest {
  /** Labeler index, −1 for a guideline shift. */
  readonly labeler: number;
  /** Slice index, −1 for the labeler overall. */
  readonly slice: number;
  readonly kind: 'leniency' | 'drift' | 'fatigue' | 'guideline_shift';
  readonly basis: SkewFlag['basis'];
  readonly effect: number;
  readonly se: number;
  /** Standard error of the effect under the null (its permutation distribution): the yardstick of its impact. */
  readonly nullSe: number;
  /** Guideline shift: the older and the latest version (indices into versionNames). */
  readonly versions: readonly [number, number] | null;
  readonly n: number;
  readonly pValue: number;
  /** Monte-Carlo permutation p-value, when permutations ran for this test. */
  readonly pPermutation: number | null;
}

export function leaveOneOutJson(i: Impact): SkewLeaveOneOut {
  return { flipped_items: i.flippedItems, dropped_items: i.droppedItems, pass_rate_shift: i.passRateShift };
}

/** Whether test k is a finding: q ≤ alpha and |effect| ≥ minEffect. */
export function isFlagged(t: RawTest, q: number, options: { alpha: number; minEffect: number }): boolean {
  return q <= options.alpha && Math.abs(t.effect) >= options.minEffect && t.effect !== 0;
}

/** Normal-theory interval effect ± z·se, null when the standard error is not finite. */
export function confidenceInterval(effect: number, se: number, level = 0.95): [number, number] | null {
  if (!Number.isFinite(se) || !Number.isFinite(effect)) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  return [effect - z * se, effect + z * se];
}

/**
 * Flags: tests with q ≤ alpha and |effect| ≥ minEffect, each with its comparison, caveat,
 * counterfactual impact (skew-impacts.ts) and the snapshot command to re-score without its cause;
 * ranked by impact relative to an unbiased labeler of the same design and volume (times_reference:
 * flips ÷ the unbiased p95; flags without a reference after those with one), then by expected flips,
 * then q-value. Absolute flips rank by volume: on the demo the planted lenient labeler, who labels a
 * small share, came 7th of 7 by flips and comes first by times_reference.
 */
export function buildFlags(
  data: SkewData,
  tests: readonly RawTest[],
  q: readonly number[],
  options: { alpha: number; minEffect: number; comparison: Comparison; goldSet: string },
  impactOf: (k: number) => SkewFlag['impact'],
): SkewFlag[] {
  const flags: SkewFlag[] = [];
  tests.forEach((t, k) => {
    const qv = q[k]!;
    if (!isFlagged(t, qv, options)) return;
    const direction = t.effect > 0 ? 'lenient' : 'severe';
    const slice = t.slice < 0 ? null : (data.sliceNames[t.slice] ?? null);
    const common = { slice, direction, effect: t.effect, ci: confidenceInterval(t.effect, t.se), n: t.n, p_value: t.pValue, p_permutation: t.pPermutation, q_value: qv, comparison: options.comparison, basis: t.basis, impact: impactOf(k) } as const;
    if (t.kind === 'guideline_shift' && t.versions !== null) {
      const older = data.versionNames[t.versions[0]]!;
      const latest = data.versionNames[t.versions[1]]!;
      flags.push({
        ...common, labeler_id: null, kind: 'guideline_shift', versions: { older, latest },
        caveat: `labels under ${older} against labels under ${latest} on this slice, ${GUIDELINE_BASIS[t.basis as GuidelineBasis]}; confounded with anything else that changed when the guideline did`,
        action: guidelineSnapshotCommand(options.goldSet, older, slice),
      });
      return;
    }
    const id = data.labelerIds[t.labeler]!;
    flags.push({
      ...common, labeler_id: id, versions: null,
      kind: t.kind === 'leniency' ? (direction === 'lenient' ? 'leniency' : 'severity') : t.kind,
      caveat: t.basis === 'labels' ? CAVEATS[options.comparison] : `${TIME_CAVEATS[t.basis as keyof typeof TIME_CAVEATS]}; residuals ${CAVEATS[options.comparison]}`,
      action: snapshotCommand(options.goldSet, id),
    });
  });
  const relative = (f: SkewFlag): number => f.impact.times_reference ?? -1;
  return flags.sort((a, b) =>
    relative(b) - relative(a) ||
    b.impact.flipped_items - a.impact.flipped_items ||
    a.q_value - b.q_value);
}

const GUIDELINE_BASIS: Record<GuidelineBasis, string> = {
  same_items: 'on the same items (items labeled under both versions)',
  same_labelers: "by the same labelers (each labeler's own labels under both versions, on different items; assumes the slice's items were alike before and after)",
};

/** The gold snapshot without one labeler (packages/cli/src/commands/gold.ts). */
export function snapshotCommand(goldSet: string, labelerId: string): string {
  return `touchstone gold snapshot ${shellWord(goldSet)} --tag ${shellWord(`without-${labelerId.replace(/[^A-Za-z0-9._@-]+/g, '-')}`)} --exclude-labeler ${shellWord(labelerId)}`;
}

/** The gold snapshot without the items only ever labeled under an older guideline version on a slice. */
export function guidelineSnapshotCommand(goldSet: string, version: string, slice: string | null): string {
  const tag = `without-${version}-only${slice === null ? '' : `-${slice}`}`.replace(/[^\w.\-+@]/g, '_');
  return `touchstone gold snapshot ${shellWord(goldSet)} --tag ${shellWord(tag)} --exclude-guideline ${shellWord(version)}${slice === null ? '' : ` --slice ${shellWord(slice)}`}`;
}
