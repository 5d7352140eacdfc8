import type { Rng } from '@touchstone/core/stats';

/** Index drawn with probability proportional to `weights` (all ≥ 0, not all 0). */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] ?? 0;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** `k` distinct indices drawn successively with probability proportional to the remaining weights. */
export function weightedSampleWithoutReplacement(rng: Rng, weights: readonly number[], k: number): number[] {
  const left = [...weights];
  const out: number[] = [];
  for (let j = 0; j < k && j < weights.length; j++) {
    const i = weightedIndex(rng, left);
    out.push(i);
    left[i] = 0;
  }
  return out;
}

/**
 * A sampler for fixed weights: cumulative sums once, then a binary search per draw (for the
 * 400-tenant Zipf draw on every traffic record). Draws the same index `weightedIndex` would.
 */
export function weightedSampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (rng) => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < (cumulative[mid] ?? total)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
