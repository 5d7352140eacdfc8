import type { Scale } from '../schemas/scale.js';

/**
 * A gold set's current labels in memory as typed arrays, labels grouped by item (CSR): item i's
 * labels are positions itemStart[i] .. itemStart[i+1]−1, ordered by labeler. Built by SQL from the
 * store (load-skew-data.ts) or from plain records (skew-data-from-records.ts, for tests and simulations).
 */
export interface SkewData {
  readonly scale: Scale;
  readonly itemIds: readonly string[];
  readonly labelerIds: readonly string[];
  /** Slice names by index; the item's slice is the most common slice among its labels. */
  readonly sliceNames: readonly (string | null)[];
  /** Guideline versions by index, in order of first use. */
  readonly versionNames: readonly string[];
  readonly itemStart: Int32Array;
  readonly itemSlice: Int32Array;
  readonly labeler: Int32Array;
  /** The label in leniency units: 0/1 (binary), the score (ordinal/interval), passes 0/1 (nominal). */
  readonly value: Float64Array;
  /** Category index for agreement coefficients; −1 on an interval scale. */
  readonly category: Int32Array;
  /** Numeric value of each category (empty on an interval scale). */
  readonly categoryValues: Float64Array;
  /** labeled_at, epoch milliseconds. */
  readonly time: Float64Array;
  /** Guideline version index, −1 when unknown. */
  readonly version: Int32Array;
  /** Session index, unique per (labeler, session_id); −1 when the label has no session. */
  readonly session: Int32Array;
  /** 1-based position of the label in its session by labeled_at; 0 without a session. */
  readonly position: Int32Array;
  /** Judge score per item (NaN when unscored), from the judge that scored most of the items. */
  readonly judge: Float64Array | null;
  readonly judgeName: string | null;
}

export function nItems(d: SkewData): number {
  return d.itemStart.length - 1;
}

/** Category layout of a scale: how many categories, their values, and how a label maps to one. */
export function scaleCategories(scale: Scale): { k: number; values: Float64Array } {
  switch (scale.kind) {
    case 'binary':
      return { k: 2, values: Float64Array.of(0, 1) };
    case 'ordinal': {
      const k = scale.max - scale.min + 1;
      return { k, values: Float64Array.from({ length: k }, (_, i) => scale.min + i) };
    }
    case 'nominal':
      return { k: scale.categories.length, values: Float64Array.from(scale.categories, (_, i) => i) };
    case 'interval':
      return { k: 0, values: new Float64Array(0) };
  }
}

/** The passing categories of a nominal scale (the first category when none were set). */
export function passCategories(scale: Extract<Scale, { kind: 'nominal' }>): readonly string[] {
  return scale.pass_categories ?? scale.categories.slice(0, 1);
}
