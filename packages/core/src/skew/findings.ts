import { normalQuantile } from '../stats/normal.js';
import { CAVEATS, TIME_CAVEATS } from './caveats.js';
import type { Impact } from './impact.js';
import { shellWord } from './shell-word.js';
import type { SkewData } from './skew-data.js';
import type { Comparison, SkewFlag, SkewImpact } from './skew-report.js';

/** One test of the family Benjamini–Hochberg runs over. */
export interface RawTest {
  readonly labeler: number;
  /** Slice index, −1 for the labeler overall. */
  readonly slice: number;
  readonly kind: 'leniency' | 'drift' | 'fatigue';
  readonly basis: SkewFlag['basis'];
  readonly effect: number;
  readonly se: number;
  readonly n: number;
  readonly pValue: number;
  /** Monte-Carlo permutation p-value, when permutations ran for this test. */
  readonly pPermutation: number | null;
}

export function impactJson(i: Impact): SkewImpact {
  return { flipped_items: i.flippedItems, pass_rate_shift: i.passRateShift, dropped_items: i.droppedItems, relabel_items: [...i.relabel] };
}

/** Normal-theory interval effect ± z·se, null when the standard error is not finite. */
export function confidenceInterval(effect: number, se: number, level = 0.95): [number, number] | null {
  if (!Number.isFinite(se) || !Number.isFinite(effect)) return null;
  const z = normalQuantile(1 - (1 - level) / 2);
  return [effect - z * se, effect + z * se];
}

/**
 * Flags: tests with q ≤ alpha and |effect| ≥ minEffect, each with its comparison, caveat,
 * leave-one-labeler-out impact and the snapshot command that drops the labeler; ranked by impact:
 * gold items whose consensus changes or that disappear without the labeler, then how far the gold
 * pass rate moves, then q-value.
 */
export function buildFlags(
  data: SkewData,
  tests: readonly RawTest[],
  q: readonly number[],
  options: { alpha: number; minEffect: number; comparison: Comparison; goldSet: string },
  impactOf: (labeler: number, slice: number) => Impact,
): SkewFlag[] {
  const flags: SkewFlag[] = [];
  tests.forEach((t, k) => {
    const qv = q[k]!;
    if (!(qv <= options.alpha) || !(Math.abs(t.effect) >= options.minEffect) || t.effect === 0) return;
    const id = data.labelerIds[t.labeler]!;
    const direction = t.effect > 0 ? 'lenient' : 'severe';
    flags.push({
      labeler_id: id,
      slice: t.slice < 0 ? null : (data.sliceNames[t.slice] ?? null),
      kind: t.kind === 'leniency' ? (direction === 'lenient' ? 'leniency' : 'severity') : t.kind,
      direction,
      effect: t.effect,
      ci: confidenceInterval(t.effect, t.se),
      n: t.n,
      p_value: t.pValue,
      p_permutation: t.pPermutation,
      q_value: qv,
      comparison: options.comparison,
      basis: t.basis,
      caveat: t.basis === 'labels' ? CAVEATS[options.comparison] : `${TIME_CAVEATS[t.basis]}; residuals ${CAVEATS[options.comparison]}`,
      impact: impactJson(impactOf(t.labeler, t.kind === 'leniency' ? t.slice : -1)),
      action: snapshotCommand(options.goldSet, id),
    });
  });
  return flags.sort((a, b) =>
    b.impact.flipped_items + b.impact.dropped_items - (a.impact.flipped_items + a.impact.dropped_items) ||
    Math.abs(b.impact.pass_rate_shift) - Math.abs(a.impact.pass_rate_shift) ||
    a.q_value - b.q_value);
}

/** The gold snapshot without one labeler (packages/cli/src/commands/gold.ts). */
export function snapshotCommand(goldSet: string, labelerId: string): string {
  return `touchstone gold snapshot ${shellWord(goldSet)} --tag ${shellWord(`without-${labelerId.replace(/[^A-Za-z0-9._@-]+/g, '-')}`)} --exclude-labeler ${shellWord(labelerId)}`;
}
