import { gammaln } from 'simple-statistics';

/**
 * Survival function of the chi-square distribution, P(X ≥ x) for X ~ χ²(df): the regularized upper
 * incomplete gamma function Q(df/2, x/2). Series for x < a+1, Lentz's continued fraction otherwise
 * (Numerical Recipes 3rd ed., §6.2), relative error ~1e-14. Range: [0, 1].
 * @throws RangeError when df ≤ 0 or x is NaN
 * @example chiSquareSf(3.84, 1) // 0.05004352124870519 (scipy.stats.chi2.sf(3.84, 1))
 */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquareSf: degrees of freedom must be > 0, got ${df}`);
  if (Number.isNaN(x)) throw new RangeError('chiSquareSf: x is NaN');
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return regularizedGammaQ(df / 2, x / 2);
}

/** Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function, a > 0, x ≥ 0. */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - gammaln(a);
  if (x < a + 1) return 1 - Math.exp(logPrefix) * lowerSeries(a, x);
  return Math.exp(logPrefix) * upperContinuedFraction(a, x);
}

function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < 10_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
  }
  return sum;
}

function upperContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}
