import { isMissingRating } from './category-counts.js';

/** A category value as labels carry it: a number on a numeric scale or a string on a categorical one. */
export type Category = number | string;

/**
 * Confusion matrix of two raters over the same items, scikit-learn `confusion_matrix` semantics:
 * `matrix[i][j]` counts items rater 1 put in `categories[i]` and rater 2 in `categories[j]`.
 * Categories default to the sorted union of observed values (numbers ascending, strings by code
 * point); when given, pairs with a value outside them are ignored, as scikit-learn does. A pair where
 * either rating is NaN is missing and ignored.
 * @throws RangeError when the two arrays differ in length, are empty, or mix numbers and strings
 * @example confusionMatrix([0, 1, 1], [0, 1, 0]) // { categories: [0, 1], matrix: [[1, 0], [1, 1]] }
 */
export function confusionMatrix(
  rater1: readonly Category[],
  rater2: readonly Category[],
  categories?: readonly Category[],
): { categories: Category[]; matrix: number[][] } {
  if (rater1.length !== rater2.length) {
    throw new RangeError(`confusionMatrix: raters rated different numbers of items (${rater1.length} vs ${rater2.length})`);
  }
  if (rater1.length === 0) throw new RangeError('confusionMatrix: no items');
  const cats = categories === undefined ? sortedUnion(rater1, rater2) : [...categories];
  const index = new Map<Category, number>();
  cats.forEach((c, i) => index.set(c, i));
  const matrix = cats.map(() => new Array<number>(cats.length).fill(0));
  for (let k = 0; k < rater1.length; k++) {
    const i = index.get(rater1[k] as Category);
    const j = index.get(rater2[k] as Category);
    if (i === undefined || j === undefined) continue;
    (matrix[i] as number[])[j] = ((matrix[i] as number[])[j] as number) + 1;
  }
  return { categories: cats, matrix };
}

/** Sorted union of the values of both raters; numbers ascending, strings by code point. */
export function sortedUnion(a: readonly Category[], b: readonly Category[]): Category[] {
  const set = new Set<Category>([...a, ...b].filter((v) => !isMissingRating(v)));
  const values = [...set];
  const numeric = values.every((v) => typeof v === 'number');
  const text = values.every((v) => typeof v === 'string');
  if (!numeric && !text) throw new RangeError('confusionMatrix: ratings mix numbers and strings; pass explicit categories');
  if (numeric) return (values as number[]).sort((x, y) => x - y);
  return (values as string[]).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
