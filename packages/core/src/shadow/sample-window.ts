import { nearDuplicates } from '../text/near-duplicates.js';
import type { Store } from '../store/store.js';
import { candidatesSql, type TrafficWindow } from './shadow-sql.js';
import type { CandidateRow } from './shadow-item.js';

export interface WindowSample {
  /** Kept rows, by stratum then seeded rank. */
  readonly rows: CandidateRow[];
  readonly nCandidates: number;
  readonly nDuplicates: number;
}

/**
 * Draws the allocated number of rows per stratum in seeded order, dropping near-duplicates of rows
 * already kept. Rows are over-drawn by 25% (+5) per stratum; a stratum still short after removal
 * is re-drawn with twice the margin, up to five times, while the window has more rows for it.
 */
export async function sampleWindow(
  store: Store,
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
    const candidates = await store.all<CandidateRow>(candidatesSql(window, stratifyBy, seed, limits));
    const dupOf = nearDuplicates(candidates.map((c) => c.input), { threshold: dedupeThreshold });
    const kept: CandidateRow[] = [];
    const keptPer = new Map<string, number>();
    let duplicates = 0;
    candidates.forEach((c, i) => {
      if ((dupOf[i] as number) >= 0) {
        duplicates++;
        return;
      }
      const have = keptPer.get(c.stratum) ?? 0;
      if (have < (allocation.get(c.stratum) ?? 0)) {
        kept.push(c);
        keptPer.set(c.stratum, have + 1);
      }
    });
    let grow = false;
    for (const [k, n] of allocation) {
      const limit = limits.get(k) ?? 0;
      if ((keptPer.get(k) ?? 0) < n && limit < (population.get(k) ?? 0)) {
        limits.set(k, Math.min(population.get(k) ?? 0, limit * 2 + 5));
        grow = true;
      }
    }
    if (!grow || attempt >= 5) return { rows: kept, nCandidates: candidates.length, nDuplicates: duplicates };
  }
}
