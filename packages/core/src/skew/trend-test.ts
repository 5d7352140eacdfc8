import { twoSidedP } from '../stats/normal.js';

export interface TrendResult {
  /** Pooled within-stratum least-squares slope of r on x. */
  readonly slope: number;
  readonly z: number;
  readonly pValue: number;
  readonly n: number;
}

/**
 * Trend test of residuals r against an order x (time, guideline version, position in a session),
 * stratified: T = Σ_strata Σ (x − x̄_s)(r − r̄_s). Permuting r within each stratum leaves T with mean 0
 * and exact variance Σ_s S_xx,s · S_rr,s / (n_s − 1) (the permutation moments of a linear statistic;
 * Pitman 1937, "Significance tests which may be applied to samples from any populations. II");
 * z = T / √Var, two-sided normal p. With one stratum this is the Pearson correlation test in its
 * permutation form, z = ρ·√(n − 1). Strata with fewer than 2 points contribute nothing.
 * @param strata stratum of each point (all 0 when absent)
 */
export function trendTest(x: ArrayLike<number>, r: ArrayLike<number>, strata?: ArrayLike<number>): TrendResult {
  const n = x.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const s = strata === undefined ? 0 : (strata[i] as number);
    let list = groups.get(s);
    if (list === undefined) groups.set(s, (list = []));
    list.push(i);
  }
  let t = 0;
  let variance = 0;
  let sxxTotal = 0;
  let used = 0;
  for (const members of groups.values()) {
    const m = members.length;
    if (m < 2) continue;
    let mx = 0;
    let mr = 0;
    for (const i of members) {
      mx += x[i] as number;
      mr += r[i] as number;
    }
    mx /= m;
    mr /= m;
    let sxx = 0;
    let srr = 0;
    let sxr = 0;
    for (const i of members) {
      const dx = (x[i] as number) - mx;
      const dr = (r[i] as number) - mr;
      sxx += dx * dx;
      srr += dr * dr;
      sxr += dx * dr;
    }
    t += sxr;
    variance += (sxx * srr) / (m - 1);
    sxxTotal += sxx;
    used += m;
  }
  if (!(variance > 0) || !(sxxTotal > 0)) return { slope: 0, z: 0, pValue: 1, n: used };
  const z = t / Math.sqrt(variance);
  return { slope: t / sxxTotal, z, pValue: twoSidedP(z), n: used };
}
