import type { SparseRows } from './tfidf.js';

export interface Nearest {
  /** Highest cosine similarity to any reference row, in [0, 1] (0 when there is none). */
  readonly similarity: Float32Array;
  /** Index of that reference row, −1 when none shares a term. */
  readonly index: Int32Array;
}

/** An inverted index over reference rows: for every hashed term, the rows holding it and their weights. */
export interface InvertedIndex {
  readonly n: number;
  readonly starts: Int32Array;
  readonly rows: Int32Array;
  readonly weights: Float32Array;
}

export function invertedIndex(ref: SparseRows): InvertedIndex {
  const buckets = ref.dim;
  const starts = new Int32Array(buckets + 1);
  for (const t of ref.terms) starts[t + 1] = (starts[t + 1] as number) + 1;
  for (let t = 0; t < buckets; t++) starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
  const fill = starts.slice(0, buckets);
  const rows = new Int32Array(ref.terms.length);
  const weights = new Float32Array(ref.terms.length);
  for (let r = 0; r < ref.n; r++) {
    for (let k = ref.offsets[r] as number; k < (ref.offsets[r + 1] as number); k++) {
      const t = ref.terms[k] as number;
      const at = fill[t] as number;
      rows[at] = r;
      weights[at] = ref.weights[k] as number;
      fill[t] = at + 1;
    }
  }
  return { n: ref.n, starts, rows, weights };
}

/**
 * Exact cosine nearest neighbour of every query row among the reference rows (both L2-normalized
 * TF-IDF), by accumulating dot products over the reference's inverted index — the same answer as
 * scikit-learn's brute-force `NearestNeighbors(metric='cosine')` on the same vectors, in
 * O(Σ postings touched) rather than O(queries × references × terms).
 * `exclude(q)` names a reference row to skip for query q (leave-one-out when query = reference).
 */
export function nearestNeighbours(queries: SparseRows, index: InvertedIndex, exclude?: (q: number) => number, scratch?: Scratch): Nearest {
  const acc = scratch !== undefined && scratch.acc.length >= index.n ? scratch.acc : new Float32Array(index.n);
  const touched = scratch !== undefined && scratch.touched.length >= index.n ? scratch.touched : new Int32Array(index.n);
  const similarity = new Float32Array(queries.n);
  const best = new Int32Array(queries.n).fill(-1);
  for (let q = 0; q < queries.n; q++) {
    let nTouched = 0;
    for (let k = queries.offsets[q] as number; k < (queries.offsets[q + 1] as number); k++) {
      const t = queries.terms[k] as number;
      const w = queries.weights[k] as number;
      if (t >= index.starts.length - 1) continue;
      for (let p = index.starts[t] as number; p < (index.starts[t + 1] as number); p++) {
        const r = index.rows[p] as number;
        if (acc[r] === 0) touched[nTouched++] = r;
        acc[r] = (acc[r] as number) + w * (index.weights[p] as number);
      }
    }
    const skip = exclude?.(q) ?? -1;
    let top = 0;
    let arg = -1;
    for (let i = 0; i < nTouched; i++) {
      const r = touched[i] as number;
      const s = acc[r] as number;
      if (r !== skip && (s > top || (s === top && arg !== -1 && r < arg))) {
        top = s;
        arg = r;
      }
      acc[r] = 0;
    }
    similarity[q] = Math.min(1, top);
    best[q] = arg;
  }
  return { similarity, index: best };
}

/** Reusable accumulators for many small nearest-neighbour calls against growing indexes (clustering). */
export interface Scratch {
  readonly acc: Float32Array;
  readonly touched: Int32Array;
}

/** How many reference rows have cosine similarity ≥ `threshold` with query row `q`. */
export function countWithin(queries: SparseRows, q: number, index: InvertedIndex, threshold: number, scratch?: Scratch): number {
  const acc = scratch !== undefined && scratch.acc.length >= index.n ? scratch.acc : new Float32Array(index.n);
  const touched = scratch !== undefined && scratch.touched.length >= index.n ? scratch.touched : new Int32Array(index.n);
  let nTouched = 0;
  for (let k = queries.offsets[q] as number; k < (queries.offsets[q + 1] as number); k++) {
    const t = queries.terms[k] as number;
    if (t >= index.starts.length - 1) continue;
    const w = queries.weights[k] as number;
    for (let p = index.starts[t] as number; p < (index.starts[t + 1] as number); p++) {
      const r = index.rows[p] as number;
      if (acc[r] === 0) touched[nTouched++] = r;
      acc[r] = (acc[r] as number) + w * (index.weights[p] as number);
    }
  }
  let n = 0;
  for (let i = 0; i < nTouched; i++) {
    const r = touched[i] as number;
    if ((acc[r] as number) >= threshold) n++;
    acc[r] = 0;
  }
  return n;
}
