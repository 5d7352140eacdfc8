import { gammaln } from 'simple-statistics';

/**
 * Binomial lower tail P(X ≤ k) for X ~ Binomial(n, p), in [0, 1]. The smaller tail is summed
 * outward from its largest term (anchored with log-gamma), so tiny tails keep their relative
 * precision (scipy's `binom.cdf` agrees to ~1e-13 relative); the larger tail is 1 − the smaller.
 * @throws RangeError when n is not a non-negative integer or p is outside [0, 1]
 * @example binomialCdf(3, 10, 0.5) // 0.171875
 */
export function binomialCdf(k: number, n: number, p: number): number {
  check(n, p);
  const kk = Math.floor(k);
  if (kk < 0) return 0;
  if (kk >= n) return 1;
  if (kk < n * p) return lowerTail(kk, n, p);
  return Math.max(0, 1 - upperTail(kk + 1, n, p));
}

/**
 * Binomial upper tail P(X ≥ k) for X ~ Binomial(n, p) (scipy: `binom.sf(k - 1, n, p)`).
 * @example binomialSf(8, 10, 0.5) // 0.0546875
 */
export function binomialSf(k: number, n: number, p: number): number {
  check(n, p);
  const kk = Math.ceil(k);
  if (kk <= 0) return 1;
  if (kk > n) return 0;
  if (kk > n * p) return upperTail(kk, n, p);
  return Math.max(0, 1 - lowerTail(kk - 1, n, p));
}

function check(n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
}

function logPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  const logChoose = gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
  return logChoose + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** Σ_{j ≤ k} pmf(j) for k below the mean: terms shrink going down, so stop once they stop mattering. */
function lowerTail(k: number, n: number, p: number): number {
  const anchor = logPmf(k, n, p);
  if (anchor === -Infinity) return 0;
  const ratio = (1 - p) / p;
  let term = 1;
  let sum = 1;
  for (let j = k; j > 0; j--) {
    term *= (j / (n - j + 1)) * ratio;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, Math.exp(anchor) * sum);
}

/** Σ_{j ≥ k} pmf(j) for k above the mean. */
function upperTail(k: number, n: number, p: number): number {
  const anchor = logPmf(k, n, p);
  if (anchor === -Infinity) return 0;
  const ratio = p / (1 - p);
  let term = 1;
  let sum = 1;
  for (let j = k; j < n; j++) {
    term *= ((n - j) / (j + 1)) * ratio;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.min(1, Math.exp(anchor) * sum);
}
