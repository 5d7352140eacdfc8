/**
 * Herfindahl–Hirschman index of shares: Σ (cᵢ / Σc)², in [1/k, 1] for k holders with any count, 0
 * when nothing is held. Used for how concentrated a gold set's labels are among its labelers.
 * @example herfindahl([30, 30, 20, 20]) // 0.26
 */
export function herfindahl(counts: readonly number[]): number {
  const total = counts.reduce((a, c) => a + c, 0);
  return total === 0 ? 0 : counts.reduce((a, c) => a + (c / total) ** 2, 0);
}
