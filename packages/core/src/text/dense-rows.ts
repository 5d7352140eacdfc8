import type { SparseRows } from './tfidf.js';

/**
 * Precomputed embeddings as L2-normalized rows in the sparse layout the nearest-neighbour search,
 * the inverted index and single-linkage clustering already use (every dimension a "term"), so cosine
 * similarity of embeddings needs no second search engine. Dot products of dense vectors can be
 * negative; the search reports them as 0 (no similarity), which is all a coverage threshold needs.
 * A zero vector stays zero (similar to nothing).
 * @throws RangeError when the vectors differ in length
 */
export function denseRows(vectors: readonly (readonly number[])[]): SparseRows {
  const dim = vectors[0]?.length ?? 0;
  const offsets = new Int32Array(vectors.length + 1);
  const terms = new Int32Array(vectors.length * dim);
  const weights = new Float32Array(vectors.length * dim);
  vectors.forEach((v, r) => {
    if (v.length !== dim) throw new RangeError(`embeddings differ in length: ${dim} and ${v.length} (row ${r})`);
    let norm = 0;
    for (const x of v) norm += x * x;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    offsets[r] = r * dim;
    for (let d = 0; d < dim; d++) {
      terms[r * dim + d] = d;
      weights[r * dim + d] = (v[d] as number) * scale;
    }
  });
  offsets[vectors.length] = vectors.length * dim;
  return { n: vectors.length, dim, offsets, terms, weights };
}
