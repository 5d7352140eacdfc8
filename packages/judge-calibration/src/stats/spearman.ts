import { sampleRankCorrelation } from 'simple-statistics';

/**
 * Spearman's rank correlation ρ in [−1, 1]: Pearson's r of the midranks (ties get the average of
 * the ranks they span), as `scipy.stats.spearmanr(x, y).statistic`; simple-statistics'
 * `sampleRankCorrelation` does the ranking. NaN when either variable is constant (scipy likewise).
 * @throws RangeError when the arrays differ in length, have fewer than 2 pairs, or hold non-finite values
 * @example spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) // 0.8207826816681233 (scipy 1.17.1)
 */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new RangeError(`spearman: x and y differ in length (${x.length} vs ${y.length})`);
  if (x.length < 2) throw new RangeError('spearman: need at least 2 pairs');
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i] as number) || !Number.isFinite(y[i] as number)) throw new RangeError(`spearman: pair ${i} is not finite`);
  }
  if (isConstant(x) || isConstant(y)) return Number.NaN;
  return Math.max(-1, Math.min(1, sampleRankCorrelation([...x], [...y])));
}

function isConstant(v: readonly number[]): boolean {
  return v.every((a) => a === v[0]);
}
