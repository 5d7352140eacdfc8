import { fnv1a32 } from './hash32.js';
import { charNgrams } from './shingles.js';

/** Sparse L2-normalized vectors in CSR form: row i holds terms[offsets[i]..offsets[i+1]) with weights. */
export interface SparseRows {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float32Array;
}

/** Hashed feature space: 2^20 buckets keep collisions rare for a few hundred thousand distinct n-grams. */
export const FEATURE_BITS = 20;

/** Term counts of one text over hashed char_wb n-grams (3- and 4-grams by default). */
function termCounts(text: string, minN: number, maxN: number): Map<number, number> {
  const counts = new Map<number, number>();
  const mask = (1 << FEATURE_BITS) - 1;
  for (const g of charNgrams(text, minN, maxN)) {
    const t = fnv1a32(g) & mask;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/**
 * TF-IDF vectors of character n-grams (word-bounded, hashed), with scikit-learn's defaults:
 * smooth idf = ln((1 + N)/(1 + df)) + 1 over all documents given (every corpus passed is fitted
 * together, so reference and query share one idf), raw term frequency, rows L2-normalized.
 * Returns one SparseRows per corpus, in order.
 */
export function tfidfVectors(corpora: readonly (readonly string[])[], ngram: readonly [number, number] = [3, 4]): SparseRows[] {
  const counted = corpora.map((texts) => texts.map((t) => termCounts(t, ngram[0], ngram[1])));
  const df = new Map<number, number>();
  let docs = 0;
  for (const corpus of counted) {
    for (const doc of corpus) {
      docs++;
      for (const t of doc.keys()) df.set(t, (df.get(t) ?? 0) + 1);
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
      for (const [t, c] of [...doc.entries()].sort((x, y) => x[0] - y[0])) {
        const w = c * (Math.log((1 + docs) / (1 + (df.get(t) ?? 0))) + 1);
        terms[at] = t;
        weights[at] = w;
        norm += w * w;
        at++;
      }
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let k = start; k < at; k++) weights[k] = (weights[k] as number) * inv;
    });
    offsets[corpus.length] = at;
    return { n: corpus.length, offsets, terms, weights };
  });
}
