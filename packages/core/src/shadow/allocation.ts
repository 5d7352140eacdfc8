export interface Stratum {
  readonly key: string;
  /** Rows of the stratum in the window. */
  readonly size: number;
  /** Standard deviation of the study variable in the stratum (Neyman); ignored for proportional. */
  readonly sd?: number;
}

/**
 * Sample sizes per stratum summing to min(total, Σ N_h), each at most its stratum size.
 * - proportional: n_h ∝ N_h;
 * - neyman: n_h ∝ N_h·S_h (Neyman 1934; Cochran, "Sampling Techniques", 3rd ed., §5.5), with at least
 *   two per stratum that has two rows so every stratum keeps a variance estimate; when every S_h
 *   is 0 it falls back to proportional.
 * Fractions are rounded by the largest-remainder method (ties: larger stratum, then key), and what a
 * capped stratum cannot take is re-allocated among the others. Deterministic.
 */
export function allocate(strata: readonly Stratum[], total: number, method: 'proportional' | 'neyman'): Map<string, number> {
  const population = strata.reduce((s, h) => s + h.size, 0);
  const target = Math.min(Math.max(0, Math.floor(total)), population);
  const out = new Map<string, number>(strata.map((h) => [h.key, 0]));
  const useNeyman = method === 'neyman' && strata.some((h) => (h.sd ?? 0) > 0 && h.size > 0);
  let remaining = target;
  if (useNeyman) {
    for (const h of strata) {
      const floor = Math.min(2, h.size, remaining);
      out.set(h.key, floor);
      remaining -= floor;
    }
  }
  let open = strata.filter((h) => h.size > (out.get(h.key) ?? 0));
  while (remaining > 0 && open.length > 0) {
    const weight = (h: Stratum): number => (useNeyman ? h.size * (h.sd ?? 0) : h.size);
    let weights = open.map(weight);
    if (weights.every((w) => w === 0)) weights = open.map((h) => h.size);
    const sum = weights.reduce((s, w) => s + w, 0);
    const exact = open.map((h, i) => ({ h, q: (remaining * (weights[i] ?? 0)) / sum }));
    const give = exact.map((e) => ({ ...e, n: Math.floor(e.q), rem: e.q - Math.floor(e.q) }));
    let left = remaining - give.reduce((s, g) => s + g.n, 0);
    const byRemainder = [...give].sort((a, b) => b.rem - a.rem || b.h.size - a.h.size || (a.h.key < b.h.key ? -1 : 1));
    for (const g of byRemainder) {
      if (left === 0) break;
      g.n += 1;
      left -= 1;
    }
    let placed = 0;
    for (const g of give) {
      const current = out.get(g.h.key) ?? 0;
      const add = Math.min(g.n, g.h.size - current);
      out.set(g.h.key, current + add);
      placed += add;
    }
    remaining -= placed;
    open = open.filter((h) => h.size > (out.get(h.key) ?? 0));
    if (placed === 0) break;
  }
  return out;
}
