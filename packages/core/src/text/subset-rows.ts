import type { SparseRows } from './tfidf.js';

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
