/**
 * Exact two-sided p-value of the two-sample Kolmogorov–Smirnov statistic, P(D_{m,n} ≥ h/lcm(m, n)),
 * by counting monotone lattice paths from (0, 0) to (m, n) (Hodges 1958, "The significance
 * probability of the Smirnov two-sample test", Ark. Mat. 3:469–486) — the method scipy's ks_2samp
 * uses in 'exact' mode. Computed as 1 − (share of paths inside the band), so values below ~1e-12 sit at
 * the floating-point floor (as scipy's do): they mean "far below any useful α", not a precise tail.
 */
export function ksExactPValue(n1: number, n2: number, h: number): number {
  if (h <= 0) return 1;
  if (n1 === n2) return outsideSquare(n1, h);
  const g = gcd(n1, n2);
  return 1 - insideProportion(Math.max(n1, n2), Math.min(n1, n2), g, h);
}

export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * m = n: P(D ≥ h/n) = 2 Σ_{k≥1} (−1)^{k+1} C(2n, n − kh) / C(2n, n), evaluated Horner-style on
 * ratios of binomials so nothing overflows or cancels (Gnedenko–Korolyuk reflection formula).
 */
function outsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return Math.min(1, Math.max(0, 2 * p));
}

/**
 * Share of lattice paths from (0, 0) to (m, n), m ≥ n, that stay strictly inside
 * |(n/g)·x − (m/g)·y| < h. Each cell holds A(x, y) / C(x + y, y), which obeys
 * a(x, y) = (x·a(x−1, y) + y·a(x, y−1)) / (x + y) and stays in [0, 1]; one column is kept in place
 * and only its in-band window is touched, so the cost is O(m · band width).
 */
function insideProportion(m: number, n: number, g: number, h: number): number {
  const mg = m / g;
  const ng = n / g;
  const col = new Float64Array(n + 1);
  let lo = 0;
  let hi = Math.min(n, Math.ceil(h / mg) - 1);
  for (let j = 0; j <= hi; j++) col[j] = 1;
  for (let x = 1; x <= m; x++) {
    const newLo = Math.max(0, Math.floor((ng * x - h) / mg) + 1);
    const newHi = Math.min(n, Math.ceil((ng * x + h) / mg) - 1);
    if (newLo > newHi) return 0;
    for (let j = lo; j < newLo; j++) col[j] = 0;
    let below = 0;
    for (let j = newLo; j <= newHi; j++) {
      const left = j >= lo && j <= hi ? (col[j] as number) : 0;
      below = (x * left + j * below) / (x + j);
      col[j] = below;
    }
    lo = newLo;
    hi = newHi;
  }
  return hi === n ? (col[n] as number) : 0;
}
