/**
 * A text forest-plot row: the interval [lo, hi] as `├──┤` with the estimate `●`, on an axis over
 * `domain` `width` characters wide, with `│` at zero when zero is inside the domain.
 * @example intervalBar(0.2, 0.5, 0.8, [-1, 1], 21) // '          │ ├──●──┤  ' (zero at the middle)
 */
export function intervalBar(lo: number | null, est: number | null, hi: number | null, domain: readonly [number, number], width: number): string {
  const [a, b] = domain;
  const cells = Array.from({ length: width }, () => ' ');
  const at = (x: number): number => Math.max(0, Math.min(width - 1, Math.round(((x - a) / (b - a)) * (width - 1))));
  if (a < 0 && b > 0) cells[at(0)] = '│';
  if (lo !== null && hi !== null && Number.isFinite(lo) && Number.isFinite(hi)) {
    const l = at(lo);
    const h = at(hi);
    for (let i = l + 1; i < h; i += 1) cells[i] = '─';
    cells[l] = l === h ? '┼' : '├';
    if (h !== l) cells[h] = '┤';
  }
  if (est !== null && Number.isFinite(est)) cells[at(est)] = '●';
  return cells.join('');
}

/** A symmetric axis domain covering every value (at least ±minimum), for a column of interval bars. */
export function symmetricDomain(values: readonly (number | null)[], minimum = 0.5): [number, number] {
  const m = values.reduce<number>((acc, v) => (v === null || !Number.isFinite(v) ? acc : Math.max(acc, Math.abs(v))), minimum);
  return [-m, m];
}
