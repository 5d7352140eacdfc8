import { passCategories, type SkewData } from './skew-data.js';

/** What a redrawn label needs beyond itself. */
export interface RedrawContext {
  /** Mean of the corrected labels in leniency units (binary and nominal: their pass rate). */
  readonly rate: number;
  /** Nominal: share of each category among the slice's labels, to pick the category a redrawn label becomes. */
  readonly categoryShare: Float64Array | null;
}

/** Outcomes of one redraw: consensus inputs (scores, or category indices on a nominal scale) and their probabilities. */
export interface Outcomes {
  readonly values: number[];
  readonly probs: number[];
}

/**
 * The label at position p redrawn with a bias b (leniency units, positive = lenient) removed, as a
 * distribution whose mean is the label minus b, kept on the scale.
 * - ordinal: y − b clamped to [min, max] and rounded at random to a neighbouring score (so its mean
 *   stays y − b: removing a bias of 0.02 moves one label in fifty by one point, never all of them a little);
 * - interval: y − b clamped to [min, max];
 * - binary: a lenient labeler's 1 becomes 0 with probability b / rate (a severe one's 0 becomes 1 with
 *   |b| / (1 − rate)), so the pass rate of their labels drops by b;
 * - nominal: likewise between passing and failing categories, the new category drawn in proportion to
 *   the slice's use of the categories on the other side.
 */
export function redrawLabel(data: SkewData, p: number, b: number, ctx: RedrawContext): Outcomes {
  const scale = data.scale;
  const y = data.value[p]!;
  switch (scale.kind) {
    case 'ordinal': {
      const v = Math.min(scale.max, Math.max(scale.min, y - b));
      const lo = Math.floor(v);
      return lo === v ? { values: [v], probs: [1] } : { values: [lo, lo + 1], probs: [lo + 1 - v, v - lo] };
    }
    case 'interval':
      return { values: [Math.min(scale.max, Math.max(scale.min, y - b))], probs: [1] };
    case 'binary': {
      const q = flipProbability(y, b, ctx.rate);
      return q === 0 ? { values: [y], probs: [1] } : { values: [y, 1 - y], probs: [1 - q, q] };
    }
    case 'nominal': {
      const c = data.category[p]!;
      const q = flipProbability(y, b, ctx.rate);
      if (q === 0) return { values: [c], probs: [1] };
      const pass = new Set(passCategories(scale));
      const other = scale.categories.map((name, k) => k).filter((k) => pass.has(scale.categories[k]!) !== (y === 1));
      const share = other.map((k) => ctx.categoryShare?.[k] ?? 0);
      const total = share.reduce((s, x) => s + x, 0);
      return {
        values: [c, ...other],
        probs: [1 - q, ...share.map((s) => q * (total > 0 ? s / total : 1 / other.length))],
      };
    }
  }
}

/** Probability that a 0/1 label switches side when a bias b is removed from labels with this pass rate. */
function flipProbability(y: number, b: number, rate: number): number {
  if (b > 0 && y === 1) return rate > 0 ? Math.min(1, b / rate) : 0;
  if (b < 0 && y === 0) return rate < 1 ? Math.min(1, -b / (1 - rate)) : 0;
  return 0;
}
