import { wilsonInterval } from '@touchstone/core/stats';

/**
 * Human labels a band still needs before its Wilson interval, at the agreement rate observed so far
 * (p̂ = k/n), would clear the target (lower bound ≥ target when p̂ > target) or miss it (upper bound <
 * target when p̂ < target): the smallest m ≥ 0 with that property for n + m labels. A planning figure,
 * not a guarantee — the rate itself will move as labels arrive. Null when n = 0 (no rate to plan
 * from), when p̂ equals the target exactly, or beyond ten million labels.
 * @example extraLabelsNeeded(3, 3, 0.8) // 13 — a perfect 3/3 needs 16 labels to clear 0.8 at 95%
 */
export function extraLabelsNeeded(successes: number, n: number, target: number, confidence = 0.95): number | null {
  if (n === 0) return null;
  const p = successes / n;
  if (p === target) return null;
  const decided = (total: number): boolean => {
    const [lo, hi] = wilsonInterval(p * total, total, 1 - confidence);
    return p > target ? lo >= target : hi < target;
  };
  if (decided(n)) return 0;
  const cap = 10_000_000;
  if (!decided(cap)) return null;
  // The interval narrows as the count grows at a fixed rate, so `decided` is monotone: bisect.
  let lo = n;
  let hi = cap;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (decided(mid)) hi = mid;
    else lo = mid;
  }
  return hi - n;
}
