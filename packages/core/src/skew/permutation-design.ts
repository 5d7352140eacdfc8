/**
 * What a permutation test shuffles and what it sums. Positions (labels) are grouped; under the null
 * hypothesis the values within a group are exchangeable among its positions (dense design: a group
 * is an item and its labels are shuffled among the item's labelers; sparse design: a group is a slice
 * and labels are shuffled among the labelers of the slice). Each test t sums c_g · value over its
 * positions; a position belongs to up to two tests (its labeler's and its labeler × slice's).
 */
export interface PermutationDesign {
  /** CSR offsets of groups over positions, length nGroups + 1. */
  readonly groupStart: Int32Array;
  /** Value at each position (grouped). */
  readonly values: Float64Array;
  /** Constant multiplier c_g of each group. */
  readonly groupWeight: Float64Array;
  /** First and second test of each position, −1 when none. */
  readonly testA: Int32Array;
  readonly testB: Int32Array;
  readonly nTests: number;
}

export interface PermutationMoments {
  /** Observed statistic minus its permutation mean, per test. */
  readonly centered: Float64Array;
  /** Exact permutation variance of the statistic, per test. */
  readonly variance: Float64Array;
  /** Positions per test. */
  readonly n: Int32Array;
}

/**
 * Exact mean and variance of each test's statistic over all within-group permutations. In a group
 * of N values with population variance σ², a test holding h of its positions sums a sample drawn
 * without replacement: mean h·ȳ, variance h(N − h)/(N − 1)·σ² (Cochran 1977, Sampling Techniques,
 * thm 2.2); groups are permuted independently, so means and variances add.
 */
export function permutationMoments(d: PermutationDesign): PermutationMoments {
  const centered = new Float64Array(d.nTests);
  const variance = new Float64Array(d.nTests);
  const n = new Int32Array(d.nTests);
  const h = new Int32Array(d.nTests);
  const touched: number[] = [];
  const nGroups = d.groupStart.length - 1;
  for (let g = 0; g < nGroups; g++) {
    const a = d.groupStart[g]!;
    const b = d.groupStart[g + 1]!;
    const size = b - a;
    if (size < 2) continue;
    let s1 = 0;
    let s2 = 0;
    for (let p = a; p < b; p++) {
      s1 += d.values[p]!;
      s2 += d.values[p]! * d.values[p]!;
    }
    const mean = s1 / size;
    const sigma2 = Math.max(0, s2 / size - mean * mean);
    const c = d.groupWeight[g]!;
    for (let p = a; p < b; p++) {
      for (const t of [d.testA[p]!, d.testB[p]!]) {
        if (t < 0) continue;
        if (h[t] === 0) touched.push(t);
        h[t]! += 1;
        centered[t]! += c * (d.values[p]! - mean);
      }
    }
    for (const t of touched) {
      const ht = h[t]!;
      variance[t]! += ((c * c * ht * (size - ht)) / (size - 1)) * sigma2;
      n[t]! += ht;
      h[t] = 0;
    }
    touched.length = 0;
  }
  return { centered, variance, n };
}
