import { gammaln } from 'simple-statistics';

/**
 * Survival function of the one-sample two-sided Kolmogorov statistic D_n, P(D_n ≥ x), for large n
 * (n > 140), following the case split of Simard & L'Ecuyer (2011), "Computing the two-sided
 * Kolmogorov–Smirnov distribution", J. Stat. Softw. 39(11) — the split scipy's `kstwo.sf` uses:
 * Ruben–Gambino closed forms at the extremes, 2·(exact one-sided Smirnov) where n·x² ≥ 2.2, and
 * 1 − Pelz–Good (1976) elsewhere. scipy uses the exact Durbin matrix where n·x^1.5 ≤ 1.4; the
 * Pelz–Good series agrees with it to a relative 1e-4 there (tested; p-values above ~0.3, where it does not matter).
 * Used for ks_2samp's 'asymp' mode with n = round(n1·n2/(n1 + n2)).
 */
export function kolmogorovSf(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const logFactOverPow = gammaln(n + 1) - n * Math.log(n);
    return 1 - Math.exp(logFactOverPow + n * Math.log(2 * t - 1));
  }
  if (t >= n - 1) return 2 * Math.pow(1 - x, n);
  const nx2 = t * x;
  if (x >= 0.5 || nx2 >= 2.2) return nx2 >= 370 ? 0 : Math.min(1, 2 * smirnovSf(n, x));
  return Math.min(1, Math.max(0, 1 - pelzGoodCdf(n, x)));
}

/**
 * Exact one-sided Smirnov tail P(D_n⁺ ≥ x) by the Birnbaum–Tingey (1951) sum
 * x · Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (1 − x − j/n)^{n−j} (x + j/n)^{j−1}, each term in log space.
 */
export function smirnovSf(n: number, x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  const top = Math.floor(n * (1 - x) + 1e-12);
  const lnN1 = gammaln(n + 1);
  let sum = 0;
  for (let j = 0; j <= top; j++) {
    const a = 1 - x - j / n;
    if (a <= 0) continue;
    const logTerm = lnN1 - gammaln(j + 1) - gammaln(n - j + 1) + (n - j) * Math.log(a) + (j - 1) * Math.log(x + j / n);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, x * sum);
}

/** Pelz & Good (1976) asymptotic expansion of P(D_n ≤ x) to order n^(−3/2), in its small-z (theta-function) form. */
export function pelzGoodCdf(n: number, x: number): number {
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI * Math.PI;
  const pi4 = pi2 * pi2;
  const pi6 = pi4 * pi2;
  const logQ = -pi2 / 8 / z2;
  if (logQ < -708) return 0;
  const q = Math.exp(logQ);
  const maxK = Math.ceil((16 * z) / Math.PI);
  const k = [0, 0, 0, 0];
  for (let i = maxK; i >= 1; i--) {
    const m = 2 * i - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qp = Math.pow(q, 8 * i);
    const c = [
      1,
      -z2 + (pi2 / 4) * m2,
      6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * pi2 / 4) * m2 + (pi4 * (1 - 2 * z2) / 16) * m4,
      -30 * z6 - 90 * z6 * z2 + (pi2 * (135 * z4 - 96 * z6) / 4) * m2 + (pi4 * (212 * z4 - 60 * z2) / 16) * m4 + (pi6 * (5 - 30 * z2) / 64) * m6,
    ];
    for (let r = 0; r < 4; r++) k[r] = (k[r] as number) * qp + (c[r] as number);
  }
  const sqrt2pi = Math.sqrt(2 * Math.PI);
  const denom = [z, 6 * z4, 72 * z6 * z, 6480 * z6 * z4];
  for (let r = 0; r < 4; r++) k[r] = ((k[r] as number) * q * sqrt2pi) / (denom[r] as number);
  const q2 = Math.exp(-pi2 / 2 / z2);
  let extra2 = 0;
  let extra3 = 0;
  for (let i = maxK; i >= 1; i--) {
    const i2 = i * i;
    const w = Math.pow(q2, i2);
    extra2 += i2 * w;
    extra3 += (3 * z2 - pi2 * i2) * i2 * w;
  }
  k[2] = (k[2] as number) + (extra2 * pi2 * sqrt2pi) / (-36 * z2 * z);
  k[3] = (k[3] as number) + (extra3 * pi2 * sqrt2pi) / (216 * z6);
  return (k[0] as number) + (k[1] as number) / Math.sqrt(n) + (k[2] as number) / n + (k[3] as number) / (n * Math.sqrt(n));
}
