import { fnv1a32 } from './hash32.js';
import { charNgrams } from './shingles.js';

/** Sparse L2-normalized vectors in CSR form: row i holds terms[offsets[i]..offsets[i+1]) with weights. */
export interface SparseRows {
  readonly n: number;
  /** Term ids are in [0, dim). */
  readonly dim: number;
  readonly offsets: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float32Array;
}

/** Term counts of one text over char_wb n-grams (3- and 4-grams by default), each n-gram named by its 32-bit hash. */
function termCounts(text: string, minN: number, maxN: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const g of charNgrams(text, minN, maxN)) {
    const t = fnv1a32(g);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/**
 * TF-IDF vectors of character n-grams (word-bounded), with scikit-learn's defaults:
 * smooth idf = ln((1 + N)/(1 + df)) + 1 over all documents given (every corpus passed is fitted
 * together, so reference and query share one idf), raw term frequency, rows L2-normalized.
 * Returns one SparseRows per corpus, in order.
 */
export function tfidfVectors(corpora: readonly (readonly string[])[], ngram: readonly [number, number] = [3, 4]): SparseRows[] {
  const counted = corpora.map((texts) => texts.map((t) => termCounts(t, ngram[0], ngram[1])));
  // Hashes get compact ids in first-seen order, so indexes are sized by the vocabulary, not 2^32.
  const ids = new Map<number, number>();
  const dfById: number[] = [];
  let docs = 0;
  for (const corpus of counted) {
    for (const doc of corpus) {
      docs++;
      for (const t of doc.keys()) {
        let id = ids.get(t);
        if (id === undefined) {
          id = dfById.length;
          ids.set(t, id);
          dfById.push(0);
        }
        dfById[id] = (dfById[id] ?? 0) + 1;
      }
    }
  }
  return counted.map((corpus) => {
    const offsets = new Int32Array(corpus.length + 1);
    const size = corpus.reduce((s, d) => s + d.size, 0);
    const terms = new Int32Array(size);
    const weights = new Float32Array(size);
    let at = 0;
    corpus.forEach((doc, i) => {
      offsets[i] = at;
      let norm = 0;
      const start = at;
      for (const [id, c] of [...doc.entries()].map(([t, c]) => [ids.get(t) ?? 0, c] as const).sort((x, y) => x[0] - y[0])) {
        const w = c * (Math.log((1 + docs) / (1 + (dfById[id] ?? 0))) + 1);
        terms[at] = id;
        weights[at] = w;
        norm += w * w;
        at++;
      }
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let k = start; k < at; k++) weights[k] = (weights[k] as number) * inv;
    });
    offsets[corpus.length] = at;
    return { n: corpus.length, dim: dfById.length, offsets, terms, weights };
  });
}
