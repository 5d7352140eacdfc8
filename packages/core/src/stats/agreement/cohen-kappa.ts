import { confusionMatrix, type Category } from './confusion-matrix.js';

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface CohenKappaOptions {
  /** Disagreement weights over category index positions: none (0/1), |i−j| or (i−j)². Default none. */
  readonly weights?: KappaWeights;
  /** Category order; defaults to the sorted union of observed values. Pairs outside it are ignored. */
  readonly categories?: readonly Category[];
}

/**
 * Cohen's kappa (Cohen 1960; weighted: Cohen 1968) between two raters on the same items, with
 * scikit-learn `cohen_kappa_score` semantics: κ = 1 − Σ w·O / Σ w·E, where O is the confusion matrix,
 * E = outer(column sums, row sums)/n the table expected under independence, and w the disagreement
 * weights over category index positions. κ in [−1, 1]; 1 is perfect agreement, 0 chance.
 * Returns NaN when κ is undefined (no pairs left, or only one category in common), where scikit-learn
 * returns its `replace_undefined_by` default (NaN).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.cohen_kappa_score.html
 * @throws RangeError when the arrays differ in length, are empty, or mix numbers and strings without categories
 * @example cohenKappa([0, 1, 2, 2, 1, 0, 2, 1, 1, 0, 2, 2], [0, 2, 2, 1, 1, 0, 2, 1, 0, 0, 1, 2]) // 0.5
 */
export function cohenKappa(
  rater1: readonly Category[],
  rater2: readonly Category[],
  options: CohenKappaOptions = {},
): number {
  const { matrix } = confusionMatrix(rater1, rater2, options.categories);
  return kappaFromConfusion(matrix, options.weights ?? 'none');
}

/** Cohen's kappa from a square confusion matrix (rows rater 1, columns rater 2). NaN when undefined. */
export function kappaFromConfusion(matrix: readonly (readonly number[])[], weights: KappaWeights = 'none'): number {
  const k = matrix.length;
  const rowSums = new Float64Array(k);
  const colSums = new Float64Array(k);
  let n = 0;
  for (let i = 0; i < k; i++) {
    const row = matrix[i] as readonly number[];
    if (row.length !== k) throw new RangeError('kappaFromConfusion: matrix is not square');
    for (let j = 0; j < k; j++) {
      const v = row[j] as number;
      rowSums[i] = (rowSums[i] as number) + v;
      colSums[j] = (colSums[j] as number) + v;
      n += v;
    }
  }
  if (n === 0) return Number.NaN;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) : (i - j) ** 2;
      observed += w * ((matrix[i] as readonly number[])[j] as number);
      expected += (w * (rowSums[i] as number) * (colSums[j] as number)) / n;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - observed / expected;
}
