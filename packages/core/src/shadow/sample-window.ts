import { nearDuplicates } from '../text/near-duplicates.js';
import type { TrafficSource } from '../traffic-source/traffic-source.js';
import type { TrafficWindow } from './shadow-sql.js';
import type { CandidateRow } from './shadow-item.js';

export interface WindowSample {
  /** Kept rows, by stratum then seeded rank, each with the number of window requests it stands for. */
  readonly rows: (CandidateRow & { readonly weight: number })[];
  /** Rows drawn (the seeded prefix of every stratum that was read to fill its allocation). */
  readonly nCandidates: number;
  /** Drawn rows that were near-duplicates of a kept row of their stratum (counted into its weight). */
  readonly nDuplicates: number;
}

/**
 * Draws the allocated number of distinct requests per stratum in seeded order. Within a stratum
 * the seeded order is a random permutation, so its first m_h rows are a simple random sample;
 * they are read until n_h distinct requests are kept, and every near-duplicate among them is
 * counted into the kept request it repeats. Kept request i then stands for
 * w_i = c_i · N_h / m_h window requests (c_i: itself and its duplicates among the m_h rows), so
 * Σ w = N_h and a weighted share estimates the window's share even when one intent is a template
 * repeated thousands of times (Horvitz–Thompson with cluster counts; Cochran, "Sampling
 * Techniques", 3rd ed., §2.11 on ratio estimates of proportions in subpopulations). Dropping the
 * duplicates without the counts would shrink a repetitive intent to one item per template.
 * Duplicates are looked for within a stratum only, so the weights of a stratum add up to its size.
 * Rows are over-drawn by 25% (+5) per stratum; a stratum still short is re-drawn with twice the
 * margin, up to five times, while the window has more rows for it.
 */
export async function sampleWindow(
  source: Pick<TrafficSource, 'candidates'>,
  window: TrafficWindow,
  stratifyBy: string,
  seed: string,
  allocation: ReadonlyMap<string, number>,
  population: ReadonlyMap<string, number>,
  dedupeThreshold: number,
): Promise<WindowSample> {
  const limits = new Map<string, number>();
  for (const [k, n] of allocation) limits.set(k, Math.min(population.get(k) ?? 0, n === 0 ? 0 : Math.ceil(n * 1.25) + 5));
  for (let attempt = 0; ; attempt++) {
    const candidates = await source.candidates(window, stratifyBy, seed, limits);
    const byStratum = new Map<string, CandidateRow[]>();
    for (const c of candidates) {
      const list = byStratum.get(c.stratum);
      if (list === undefined) byStratum.set(c.stratum, [c]);
      else list.push(c);
    }
    const rows: (CandidateRow & { weight: number })[] = [];
    let drawn = 0;
    let duplicates = 0;
    let grow = false;
    for (const [k, n] of allocation) {
      const list = byStratum.get(k) ?? [];
      const s = keepDistinct(list, n, dedupeThreshold);
      drawn += s.drawn;
      duplicates += s.drawn - s.kept.length;
      const scale = s.drawn > 0 ? (population.get(k) ?? 0) / s.drawn : 0;
      for (const { row, count } of s.kept) rows.push({ ...row, weight: count * scale });
      const limit = limits.get(k) ?? 0;
      if (s.kept.length < n && limit < (population.get(k) ?? 0)) {
        limits.set(k, Math.min(population.get(k) ?? 0, limit * 2 + 5));
        grow = true;
      }
    }
    if (!grow || attempt >= 5) {
      rows.sort((a, b) => (a.stratum < b.stratum ? -1 : a.stratum > b.stratum ? 1 : a.rank - b.rank));
      return { rows, nCandidates: drawn, nDuplicates: duplicates };
    }
  }
}

/**
 * The first `n` distinct rows of one stratum's seeded order, each with how many of the rows read
 * (up to and including the n-th distinct one, or all when fewer) it stands for.
 */
export function keepDistinct<T extends { readonly input: string }>(rows: readonly T[], n: number, threshold: number): { kept: { row: T; count: number }[]; drawn: number } {
  const dupOf = nearDuplicates(rows.map((r) => r.input), { threshold });
  const kept: { row: T; count: number }[] = [];
  const slot = new Map<number, number>();
  let drawn = 0;
  for (let i = 0; i < rows.length && kept.length < n; i++) {
    drawn++;
    const d = dupOf[i] as number;
    const at = d >= 0 ? slot.get(d) : undefined;
    if (at !== undefined) (kept[at] as { count: number }).count += 1;
    else {
      slot.set(i, kept.length);
      kept.push({ row: rows[i] as T, count: 1 });
    }
  }
  return { kept, drawn };
}
