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
  const slot = new Int32Array(n);
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const s = strata === undefined ? 0 : (strata[i] as number);
    let k = ids.get(s);
    if (k === undefined) ids.set(s, (k = ids.size));
    slot[i] = k;
  }
  const g = ids.size;
  const count = new Float64Array(g);
  const mx = new Float64Array(g);
  const mr = new Float64Array(g);
  for (let i = 0; i < n; i++) {
    count[slot[i]!]! += 1;
    mx[slot[i]!]! += x[i] as number;
    mr[slot[i]!]! += r[i] as number;
  }
  for (let k = 0; k < g; k++) {
    mx[k] = mx[k]! / count[k]!;
    mr[k] = mr[k]! / count[k]!;
  }
  const sxx = new Float64Array(g);
  const srr = new Float64Array(g);
  const sxr = new Float64Array(g);
  for (let i = 0; i < n; i++) {
    const k = slot[i]!;
    const dx = (x[i] as number) - mx[k]!;
    const dr = (r[i] as number) - mr[k]!;
    sxx[k]! += dx * dx;
    srr[k]! += dr * dr;
    sxr[k]! += dx * dr;
  }
  let t = 0;
  let variance = 0;
  let sxxTotal = 0;
  let used = 0;
  for (let k = 0; k < g; k++) {
    if (count[k]! < 2) continue;
    t += sxr[k]!;
    variance += (sxx[k]! * srr[k]!) / (count[k]! - 1);
    sxxTotal += sxx[k]!;
    used += count[k]!;
  }
  if (!(variance > 0) || !(sxxTotal > 0)) return { slope: 0, z: 0, pValue: 1, n: used };
  const z = t / Math.sqrt(variance);
  return { slope: t / sxxTotal, z, pValue: twoSidedP(z), n: used };
}
