import type { Category } from './confusion-matrix.js';

/**
 * Ratings summarised per row as counts by category: `counts[row * k + c]` raters put row's item in
 * category `c`. A row is an item, or — after `compressRows` — a distinct count pattern standing for
 * every item that has it. Every agreement coefficient here is a function of these counts and of
 * per-row weights (how many items a row stands for, or bootstrap multiplicities).
 */
export interface CategoryCounts {
  readonly nRows: number;
  /** Number of categories. */
  readonly k: number;
  /** Numeric value of each category in order (its index when categories are not numeric). */
  readonly values: Float64Array;
  readonly counts: Float64Array;
}

/** A rating, or null/undefined when that rater did not rate the unit (NaN counts as missing too). */
export type Rating = Category | null | undefined;

/** True when a rating is missing: null, undefined or NaN (a NaN is no category, so it never pairs). */
export function isMissingRating(r: Rating): r is null | undefined {
  return r === null || r === undefined || (typeof r === 'number' && Number.isNaN(r));
}

/**
 * Builds category counts from units (one array of ratings per unit, missing as null, undefined or
 * NaN). Categories default to the sorted distinct ratings.
 * @throws RangeError when a rating is not among the given categories, or ratings mix numbers and strings
 * @example categoryCounts([[1, 1, null], [1, 2, 2]]).counts // Float64Array [2, 0, 1, 2]
 */
export function categoryCounts(units: readonly (readonly Rating[])[], categories?: readonly Category[]): CategoryCounts {
  const cats = categories === undefined ? distinctSorted(units) : [...categories];
  const index = new Map<Category, number>();
  cats.forEach((c, i) => index.set(c, i));
  const k = cats.length;
  const counts = new Float64Array(units.length * k);
  units.forEach((unit, u) => {
    for (const r of unit) {
      if (isMissingRating(r)) continue;
      const c = index.get(r);
      if (c === undefined) throw new RangeError(`categoryCounts: rating ${String(r)} of unit ${u + 1} is not among the categories`);
      counts[u * k + c]! += 1;
    }
  });
  const values = Float64Array.from(cats, (c, i) => (typeof c === 'number' ? c : i));
  return { nRows: units.length, k, values, counts };
}

/**
 * Merges rows with identical counts into one row each, returning the distinct rows, how many
 * items each stands for (`multiplicity`) and each item's row (`rowOf`). A gold set with 5 labels
 * per item on a 1–5 scale has at most 126 distinct rows, so a bootstrap replicate costs O(126·k²)
 * instead of O(items·k²).
 */
export function compressRows(table: CategoryCounts): { table: CategoryCounts; multiplicity: Float64Array; rowOf: Int32Array } {
  const { k, nRows, counts } = table;
  const seen = new Map<string, number>();
  const rowOf = new Int32Array(nRows);
  const kept: number[] = [];
  for (let r = 0; r < nRows; r++) {
    const key = counts.subarray(r * k, r * k + k).join(',');
    let p = seen.get(key);
    if (p === undefined) {
      p = kept.length;
      seen.set(key, p);
      kept.push(r);
    }
    rowOf[r] = p;
  }
  const out = new Float64Array(kept.length * k);
  kept.forEach((r, p) => out.set(counts.subarray(r * k, r * k + k), p * k));
  const multiplicity = new Float64Array(kept.length);
  for (let r = 0; r < nRows; r++) multiplicity[rowOf[r]!]! += 1;
  return { table: { nRows: kept.length, k, values: table.values, counts: out }, multiplicity, rowOf };
}

function distinctSorted(units: readonly (readonly Rating[])[]): Category[] {
  const set = new Set<Category>();
  for (const unit of units) for (const r of unit) if (!isMissingRating(r)) set.add(r);
  const values = [...set];
  if (values.every((v) => typeof v === 'number')) return (values as number[]).sort((a, b) => a - b);
  if (values.every((v) => typeof v === 'string')) return (values as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  throw new RangeError('categoryCounts: ratings mix numbers and strings; pass explicit categories');
}

/** Row weight: 1 when no weights are given. */
export function rowWeight(weights: ArrayLike<number> | undefined, row: number): number {
  return weights === undefined ? 1 : (weights[row] as number);
}
