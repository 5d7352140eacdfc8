import { mix32 } from './hash32.js';

/**
 * m of the positions 0..n−1, in increasing order: those with the smallest hash of their position (a
 * fixed pseudo-random sample, the same on every run), so a periodic order (round-robin by intent)
 * cannot leave a whole group out of it, as an evenly spaced sample can. All n when m ≥ n.
 * @example fixedSample(5, 5) // [0, 1, 2, 3, 4]
 */
export function fixedSample(n: number, m: number): number[] {
  const all = [...Array(n).keys()];
  if (m >= n) return all;
  return all.sort((a, b) => mix32(a) - mix32(b) || a - b).slice(0, Math.max(0, m)).sort((a, b) => a - b);
}
