/**
 * First Wasserstein (earth mover's) distance between two empirical distributions on the real line:
 * ∫ |F_u(x) − F_v(x)| dx, in the units of the data — `scipy.stats.wasserstein_distance(u, v)`
 * without weights. O((n + m) log(n + m)).
 * @throws RangeError when a sample is empty or holds a non-finite value
 * @example wassersteinDistance([0, 1, 3], [5, 6, 8]) // 5
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const a = sortedCopy(u, 'u');
  const b = sortedCopy(v, 'v');
  let i = 0;
  let j = 0;
  let prev = Math.min(a[0] as number, b[0] as number);
  let total = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i] as number) : (b[j] as number);
    total += Math.abs(i / a.length - j / b.length) * (x - prev);
    while (i < a.length && a[i] === x) i++;
    while (j < b.length && b[j] === x) j++;
    prev = x;
  }
  return total;
}

export function sortedCopy(values: ArrayLike<number>, name: string): Float64Array {
  if (values.length === 0) throw new RangeError(`${name}: sample is empty`);
  const out = Float64Array.from(values);
  for (const x of out) if (!Number.isFinite(x)) throw new RangeError(`${name}: value ${x} is not finite`);
  return out.sort();
}
