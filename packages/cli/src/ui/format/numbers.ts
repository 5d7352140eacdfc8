/** 0.298 → "29.8%". */
export function pct(x: number | null, digits = 1): string {
  return x === null || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(digits)}%`;
}

/** A difference of rates in percentage points: 0.053 → "+5.3 pts", −0.186 → "−18.6 pts". */
export function pts(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : '−'}${(100 * Math.abs(x)).toFixed(1)} pts`;
}

/** A signed number with a fixed number of decimals: 0.5 → "+0.50", −0.5 → "−0.50". */
export function signed(x: number | null, digits = 2): string {
  if (x === null || !Number.isFinite(x)) return '–';
  const s = Math.abs(x).toFixed(digits);
  return Number(s) === 0 ? ` ${s}` : x > 0 ? `+${s}` : `−${s}`;
}

/** "[+0.10, +0.90]" or "" without an interval. */
export function interval(ci: readonly [number, number] | null, digits = 2): string {
  return ci === null ? '' : `[${signed(ci[0], digits)}, ${signed(ci[1], digits)}]`;
}

/** 12345 → "12,345". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
