const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * A one-line chart of a series with the eight block characters, scaled between the series' own
 * minimum and maximum (or the given domain); a missing value is a space.
 * @example sparkline([0, 1, 2, 3]) // '▁▃▆█'
 */
export function sparkline(values: readonly (number | null)[], domain?: readonly [number, number]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return ' '.repeat(values.length);
  const lo = domain?.[0] ?? Math.min(...present);
  const hi = domain?.[1] ?? Math.max(...present);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (hi === lo) return BARS[3];
      const k = Math.round(((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (BARS.length - 1));
      return BARS[k];
    })
    .join('');
}

/** Shrinks a series to at most `width` points by averaging consecutive runs (nulls ignored). */
export function resample(values: readonly (number | null)[], width: number): (number | null)[] {
  if (values.length <= width) return [...values];
  const out: (number | null)[] = [];
  for (let b = 0; b < width; b += 1) {
    const from = Math.floor((b * values.length) / width);
    const to = Math.floor(((b + 1) * values.length) / width);
    const run = values.slice(from, to).filter((v): v is number => v !== null);
    out.push(run.length === 0 ? null : run.reduce((s, v) => s + v, 0) / run.length);
  }
  return out;
}
