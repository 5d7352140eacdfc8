const cache = new Map<number, Float64Array>();

/**
 * Exact null distribution of the Wilcoxon signed-rank statistic T⁺ for n untied non-zero
 * differences: pmf over t = 0 … n(n+1)/2, each of the 2ⁿ sign patterns equally likely. Counts are
 * built by the subset-sum recursion and stay exact integers in doubles up to n = 50 (< 2⁵³).
 * Same table as scipy's `_get_wilcoxon_distr(n)`.
 * @throws RangeError when n is not an integer in [0, 1000]
 */
export function wilcoxonPmf(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || n > 1000) throw new RangeError(`wilcoxonPmf: n must be an integer in [0, 1000], got ${n}`);
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  const max = (n * (n + 1)) / 2;
  let counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let r = 1; r <= n; r++) {
    const next = new Float64Array(max + 1);
    for (let t = 0; t <= max; t++) {
      const c = counts[t] as number;
      if (c === 0) continue;
      next[t] = (next[t] as number) + c;
      if (t + r <= max) next[t + r] = (next[t + r] as number) + c;
    }
    counts = next;
  }
  const total = 2 ** n;
  const pmf = counts.map((c) => c / total);
  cache.set(n, pmf);
  return pmf;
}

/** P(T⁺ ≤ t) for integer t, summing the smaller side (as scipy's WilcoxonDistribution.cdf). */
export function wilcoxonCdf(t: number, n: number): number {
  const pmf = wilcoxonPmf(n);
  const mean = (n * (n + 1)) / 4;
  if (t <= mean) return sumRange(pmf, 0, t);
  return 1 - sumRange(pmf, t + 1, pmf.length - 1);
}

/** P(T⁺ ≥ t) for integer t. */
export function wilcoxonSf(t: number, n: number): number {
  const pmf = wilcoxonPmf(n);
  const mean = (n * (n + 1)) / 4;
  if (t <= mean) return 1 - sumRange(pmf, 0, t - 1);
  return sumRange(pmf, t, pmf.length - 1);
}

function sumRange(pmf: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i <= Math.min(pmf.length - 1, to); i++) s += pmf[i] as number;
  return s;
}
