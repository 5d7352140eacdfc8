import { invertedIndex, nearestNeighbours, type Scratch } from './nearest-neighbour.js';
import type { SparseRows } from './tfidf.js';

export interface Cluster {
  /** Row indices, the leader first, then members by decreasing similarity to it. */
  readonly members: number[];
}

/**
 * Deterministic single-pass leader clustering (Hartigan 1975, "Clustering Algorithms", ch. 3):
 * rows are visited in order; a row joins the most similar existing leader when the cosine
 * similarity reaches `threshold`, otherwise it becomes a new leader. Leaders are found with the
 * inverted-index nearest-neighbour search (re-indexed every 64 new leaders, scanned directly in between).
 * Clusters are returned largest first (ties: earliest leader first).
 */
export function leaderClusters(rows: SparseRows, threshold: number): Cluster[] {
  const leaders: number[] = [];
  const joined: { row: number; sim: number }[][] = [];
  let indexed = 0;
  let index = invertedIndex(subset(rows, []));
  const scratch: Scratch = { acc: new Float32Array(rows.n), touched: new Int32Array(rows.n) };
  for (let r = 0; r < rows.n; r++) {
    const one = subset(rows, [r]);
    let bestSim = 0;
    let bestLeader = -1;
    if (indexed > 0) {
      const nn = nearestNeighbours(one, index, undefined, scratch);
      if ((nn.index[0] as number) >= 0) {
        bestSim = nn.similarity[0] as number;
        bestLeader = nn.index[0] as number;
      }
    }
    for (let l = indexed; l < leaders.length; l++) {
      const s = dot(rows, r, leaders[l] as number);
      if (s > bestSim) {
        bestSim = s;
        bestLeader = l;
      }
    }
    if (bestLeader >= 0 && bestSim >= threshold) {
      joined[bestLeader]?.push({ row: r, sim: bestSim });
    } else {
      leaders.push(r);
      joined.push([]);
      if (leaders.length - indexed >= 64) {
        index = invertedIndex(subset(rows, leaders));
        indexed = leaders.length;
      }
    }
  }
  return leaders
    .map((leader, l) => ({ leader, members: [leader, ...(joined[l] ?? []).sort((a, b) => b.sim - a.sim || a.row - b.row).map((m) => m.row)] }))
    .sort((a, b) => b.members.length - a.members.length || a.leader - b.leader)
    .map(({ members }) => ({ members }));
}

/** Cosine of two rows of the same normalized matrix (sorted terms: a merge). */
function dot(rows: SparseRows, a: number, b: number): number {
  let i = rows.offsets[a] as number;
  let j = rows.offsets[b] as number;
  const ie = rows.offsets[a + 1] as number;
  const je = rows.offsets[b + 1] as number;
  let s = 0;
  while (i < ie && j < je) {
    const x = rows.terms[i] as number;
    const y = rows.terms[j] as number;
    if (x === y) s += (rows.weights[i++] as number) * (rows.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/** The given rows of a matrix, as a new matrix. */
export function subset(rows: SparseRows, pick: readonly number[]): SparseRows {
  const offsets = new Int32Array(pick.length + 1);
  let size = 0;
  pick.forEach((r, i) => {
    offsets[i] = size;
    size += (rows.offsets[r + 1] as number) - (rows.offsets[r] as number);
  });
  offsets[pick.length] = size;
  const terms = new Int32Array(size);
  const weights = new Float32Array(size);
  pick.forEach((r, i) => {
    const from = rows.offsets[r] as number;
    const to = rows.offsets[r + 1] as number;
    terms.set(rows.terms.subarray(from, to), offsets[i] as number);
    weights.set(rows.weights.subarray(from, to), offsets[i] as number);
  });
  return { n: pick.length, dim: rows.dim, offsets, terms, weights };
}
