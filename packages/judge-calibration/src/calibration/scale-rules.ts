import type { Scale } from '@touchstone/core/schemas';

/**
 * How a scale shapes calibration: default band edges and labels, the default agreement tolerance,
 * the scale point a score counts as for exact agreement and kappa, and the pass rule.
 */
export interface ScaleRules {
  readonly edges: number[];
  /** Band labels when the default edges are used. */
  readonly labels: string[] | null;
  readonly tolerance: number;
  /** Category index of a value for exact agreement, the confusion matrix and kappa; −1 when off the scale. */
  readonly point: (value: number) => number;
  readonly categories: string[];
  /** Whether agreement within tolerance compares categories (binary, nominal) rather than distances. */
  readonly categorical: boolean;
  readonly passes: (value: number) => boolean;
}

/**
 * Ordinal: one band per scale point, a judge score counting for its nearest point (2.5 → 3);
 * tolerance ±1. Interval: five equal bands over [min, max], tolerance a tenth of the range, and kappa
 * over the bands. Binary: bands 0 and 1, tolerance 0. Nominal: one band per category (values are
 * category indices), tolerance 0.
 * The pass rule mirrors @touchstone/core's scale/pass-threshold.ts (not exported from its pure entries):
 * binary ≥ 0.5; ordinal/interval ≥ pass_threshold or the midpoint; nominal in pass_categories or the first.
 */
export function scaleRules(scale: Scale, edgesOverride?: readonly number[]): ScaleRules {
  switch (scale.kind) {
    case 'binary':
      return categorical(['0', '1'], (v) => (v >= 0.5 ? 1 : 0), (v) => v >= 0.5, edgesOverride);
    case 'nominal': {
      const passing = scale.pass_categories ?? scale.categories.slice(0, 1);
      const pass = new Set(passing.map((c) => scale.categories.indexOf(c)));
      return categorical(scale.categories, (v) => (Number.isInteger(v) && v >= 0 && v < scale.categories.length ? v : -1), (v) => pass.has(v), edgesOverride);
    }
    case 'ordinal': {
      const points = range(scale.min, scale.max);
      const threshold = scale.pass_threshold ?? (scale.min + scale.max) / 2;
      const edges = edgesOverride === undefined ? [...points.map((p) => p - 0.5), scale.max + 0.5] : [...edgesOverride];
      return {
        edges,
        labels: edgesOverride === undefined ? points.map(String) : null,
        tolerance: 1,
        point: (v) => {
          const p = Math.floor(v + 0.5);
          return p < scale.min || p > scale.max ? -1 : p - scale.min;
        },
        categories: points.map(String),
        categorical: false,
        passes: (v) => v >= threshold,
      };
    }
    case 'interval': {
      const width = scale.max - scale.min;
      const threshold = scale.pass_threshold ?? (scale.min + scale.max) / 2;
      const edges = edgesOverride === undefined ? [0, 1, 2, 3, 4, 5].map((i) => roundEdge(scale.min + (i * width) / 5)) : [...edgesOverride];
      const labels = bandLabels(edges);
      return {
        edges,
        labels: null,
        tolerance: width / 10,
        point: (v) => bandOf(edges, v),
        categories: labels,
        categorical: false,
        passes: (v) => v >= threshold,
      };
    }
  }
}

/** Index of the band [e_i, e_{i+1}) holding v (the last band includes its high edge), or −1. */
export function bandOf(edges: readonly number[], v: number): number {
  const k = edges.length - 1;
  if (k < 1 || v < (edges[0] as number) || v > (edges[k] as number)) return -1;
  if (v === edges[k]) return k - 1;
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v >= (edges[mid] as number)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** "[0, 0.2)", …, "[0.8, 1]". */
export function bandLabels(edges: readonly number[]): string[] {
  return edges.slice(0, -1).map((lo, i) => `[${lo}, ${edges[i + 1] as number}${i === edges.length - 2 ? ']' : ')'}`);
}

function categorical(categories: readonly string[], point: (v: number) => number, passes: (v: number) => boolean, edgesOverride?: readonly number[]): ScaleRules {
  const edges = edgesOverride === undefined ? [...categories.map((_, i) => i - 0.5), categories.length - 0.5] : [...edgesOverride];
  return { edges, labels: edgesOverride === undefined ? [...categories] : null, tolerance: 0, point, categories: [...categories], categorical: true, passes };
}

function range(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

function roundEdge(x: number): number {
  return Number(x.toPrecision(12));
}
