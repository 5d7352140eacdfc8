import { describe, expect, it } from 'vitest';
import { singleLinkageClusters } from './single-linkage.js';
import { denseRows } from './dense-rows.js';
import { minhashSignature, signatureSimilarity } from './minhash.js';
import { invertedIndex, nearestNeighbours } from './nearest-neighbour.js';
import { nearDuplicates } from './near-duplicates.js';
import { normalizeText } from './normalize-text.js';
import { charNgrams, jaccard, shingleSet } from './shingles.js';
import { tfidfVectors } from './tfidf.js';

describe('normalizeText / charNgrams', () => {
  it('folds case, punctuation, spacing and full-width forms', () => {
    expect(normalizeText('  Hello,   WORLD!! ')).toBe('hello world');
    expect(normalizeText('ＨＥＬＬＯ world')).toBe('hello world');
  });
  it("produces scikit-learn's char_wb n-grams", () => {
    // scikit-learn 1.9.1: TfidfVectorizer(analyzer='char_wb', ngram_range=(3,4)).build_analyzer()("Hi a you")
    // -> [' hi', 'hi ', ' hi ', ' a ', ' yo', 'you', 'ou ', ' you', 'you ']
    expect(charNgrams('Hi a you', 3, 4)).toEqual([' hi', 'hi ', ' hi ', ' a ', ' yo', 'you', 'ou ', ' you', 'you ']);
  });
});

describe('jaccard / MinHash', () => {
  it('computes exact Jaccard of shingle sets', () => {
    // ' ab', 'abc', 'bc ' vs ' ab', 'abd', 'bd ': 1 shared of 5 distinct
    expect(jaccard(shingleSet('abc'), shingleSet('abd'))).toBeCloseTo(1 / 5, 12);
    expect(jaccard(shingleSet('same text'), shingleSet('Same, text!'))).toBe(1);
  });
  it('estimates Jaccard within its standard error sqrt(J(1−J)/k) (Broder 1997)', () => {
    const a = shingleSet('the quick brown fox jumps over the lazy dog near the river bank');
    const b = shingleSet('the quick brown fox jumped over a lazy dog near the river');
    const j = jaccard(a, b);
    const k = 256;
    const est = signatureSimilarity(minhashSignature(a, k), minhashSignature(b, k));
    expect(Math.abs(est - j)).toBeLessThan(4 * Math.sqrt((j * (1 - j)) / k));
  });
});

describe('nearDuplicates', () => {
  it('keeps the first of exact-after-normalization and near duplicates, and keeps distinct texts', () => {
    const texts = [
      'How do I reset my password?',
      'how do i reset my password',
      'How do I reset my password??? thanks',
      'What is the weather in Paris tomorrow',
      'Book a table for two at 7pm',
    ];
    const dup = nearDuplicates(texts, { threshold: 0.7 });
    expect(Array.from(dup)).toEqual([-1, 0, 0, -1, -1]);
  });
});

describe('TF-IDF nearest neighbours', () => {
  it('matches scikit-learn cosine similarities of char_wb (3,4) TF-IDF', () => {
    // scikit-learn 1.9.1: v = TfidfVectorizer(analyzer='char_wb', ngram_range=(3,4)).fit(ref + qry);
    // cosine_similarity(v.transform(qry), v.transform(ref)).max(1) -> [0.7493174133168029, 0.07415855257369147, 0.5739107948487648], argmax [0, 2, 3]
    const ref = ['what is my account balance', 'transfer money to my savings account', 'how do i reset my pin', 'book a flight to paris', 'what is the weather today'];
    const qry = ['whats the balance on my account', 'set an alarm for seven am', 'book me a flight to london'];
    const [r, q] = tfidfVectors([ref, qry]);
    const nn = nearestNeighbours(q!, invertedIndex(r!));
    [0.7493174133168029, 0.07415855257369147, 0.5739107948487648].forEach((s, i) => expect(nn.similarity[i]).toBeCloseTo(s, 5));
    expect(Array.from(nn.index)).toEqual([0, 2, 3]);
  });
  it('leave-one-out skips the row itself', () => {
    const texts = ['alpha beta gamma', 'alpha beta gamma', 'xyz quiz'];
    const [m] = tfidfVectors([texts]);
    const index = invertedIndex(m!);
    const nn = nearestNeighbours(m!, index, (q) => q);
    expect(Array.from(nn.index)).toEqual([1, 0, -1]);
    expect(nn.similarity[2]).toBe(0);
  });
});

describe('singleLinkageClusters', () => {
  // Seven 3-d vectors; 0–1–2–3 is a chain (cosines 0.949, 0.822, 0.898) whose ends are far apart (0.195).
  const X = [[1, 0, 0], [0.9, 0.3, 0], [0.6, 0.8, 0], [0.2, 1, 0.1], [0, 0, 1], [0.1, 0.1, 1], [-1, 0.2, 0.1]];
  const labels = (cs: { members: number[] }[]): number[] => {
    const out = Array<number>(X.length).fill(-1);
    cs.forEach((c, k) => c.members.forEach((r) => (out[r] = k)));
    return out;
  };
  // Same partition as a reference labelling (cluster numbers may differ).
  const samePartition = (a: number[], b: number[]): boolean => a.every((x, i) => a.every((y, j) => (x === y) === (b[i] === b[j])));
  it('matches scipy single linkage cut at a cosine distance', () => {
    // scipy 1.x: fcluster(linkage(X, 'single', metric='cosine'), 1 - h, 'distance')
    // h = 0.8 -> [2 2 2 2 1 1 3]; h = 0.9 -> [2 2 3 4 1 1 5]
    expect(samePartition(labels(singleLinkageClusters(denseRows(X), 0.8)), [2, 2, 2, 2, 1, 1, 3])).toBe(true);
    expect(samePartition(labels(singleLinkageClusters(denseRows(X), 0.9)), [2, 2, 3, 4, 1, 1, 5])).toBe(true);
  });
  it('lists the largest cluster first, from its most connected row', () => {
    const clusters = singleLinkageClusters(denseRows(X), 0.8);
    // Rows 1 and 2 have two neighbours at 0.8; row 1 comes first, then by similarity to it (0: 0.949, 2: 0.822, 3: 0.494).
    expect(clusters[0]?.members).toEqual([1, 0, 2, 3]);
    expect(clusters.map((c) => c.members.length)).toEqual([4, 2, 1]);
  });
  it('gives the same clusters on sparse (TF-IDF) rows and with a bound on the rows linked pair by pair', () => {
    const texts = [
      'cancel my subscription please', 'play some jazz music', 'i want to cancel my subscription',
      'please cancel the subscription', 'play jazz music now', 'what time is it in tokyo',
    ];
    const [m] = tfidfVectors([texts]);
    const exact = singleLinkageClusters(m!, 0.3).map((c) => c.members.slice().sort());
    expect(exact[0]).toEqual([0, 2, 3]);
    expect(exact).toContainEqual([1, 4]);
    expect(exact).toContainEqual([5]);
    // Bounded to 5 of 6 rows compared pair by pair: the same clusters whichever row is left out.
    expect(singleLinkageClusters(m!, 0.3, 5).map((c) => c.members.slice().sort())).toEqual(exact);
  });
  it('with a bound, a row outside the sample joins every sampled row it reaches', () => {
    // Any 6 of X's 7 rows sampled: the left-out row links to its neighbours, so chains through it hold.
    expect(samePartition(labels(singleLinkageClusters(denseRows(X), 0.8, 6)), [2, 2, 2, 2, 1, 1, 3])).toBe(true);
  });
});
