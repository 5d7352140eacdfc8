import { proportionsZTestLarger } from '../stats/drift/two-proportions.js';
import { singleLinkageClusters } from '../text/single-linkage.js';
import { subset } from '../text/subset-rows.js';
import { fixedSample } from '../text/fixed-sample.js';
import { countWithin, invertedIndex, nearestNeighbours, type Scratch } from '../text/nearest-neighbour.js';
import { nearDuplicates } from '../text/near-duplicates.js';
import { denseRows } from '../text/dense-rows.js';
import { tfidfVectors, type SparseRows } from '../text/tfidf.js';
import { kishEffectiveSize } from '../stats/survey/weighted-share.js';
import type { CoverageConfig } from './drift-config.js';

/** Queries with no close reference text, and whether there are more of them than chance allows. */
export interface OutsideReference {
  /** Cosine similarity below which a query counts as having no close reference text. */
  readonly tau: number;
  /** Held-out reference texts' rate of no close neighbour in the other half of the reference (u₀). */
  readonly u0: number;
  /** Queries' rate of no close neighbour in that same half (compared with u₀), weighted when weights are given. */
  readonly uHalf: number;
  /** Kish's effective number of queries behind uHalf (the query count when unweighted). */
  readonly nEffective: number;
  /** Cosine of precomputed embeddings when every text on both sides has one, else character n-gram TF-IDF. */
  readonly representation: 'embedding' | 'lexical';
  /** Estimated share of queries from where the reference has nothing, (u − u₀)/(1 − u₀). */
  readonly excess: number;
  /** One-sided two-proportion z-test of uHalf > u₀. */
  readonly pValue: number;
  /** Each query's similarity to its nearest text in the whole reference. */
  readonly similarity: Float32Array;
  /** Indices of the queries below `tau` against the whole reference. */
  readonly uncovered: number[];
  /** Clusters of uncovered queries, largest weighted share first: their rows (most connected first) and the reference texts near that first row. */
  readonly clusters: { readonly rows: number[]; readonly referenceNearby: number }[];
  /** Cosine similarity at which two uncovered queries are linked into one cluster. */
  readonly clusterSimilarity: number;
}

/** Held-out reference texts used for the baseline: enough for a rate within about ±1 pt, bounded in cost. */
const MAX_HELD_OUT = 3000;

/**
 * The engine behind coverage gaps (traffic with no close gold item) and stale gold content (gold
 * items with no close traffic): which `queries` have no `reference` text within cosine similarity
 * τ (cosine of precomputed embeddings when every text has one, else TF-IDF of character 3–4-grams
 * fitted on both sets), and whether that is more than chance.
 *
 * Some queries are always far from a finite reference, so the test splits the reference in two by
 * position: the uncovered share of queries against half A is compared with the uncovered share u₀
 * of the texts of half B against A. Given A, a query and a held-out reference text are exchangeable
 * when both come from one distribution, so the two shares are independent binomials with one rate: a
 * one-sided two-proportion z-test is valid. (Leave-one-out on the whole reference is not: mutual
 * nearest neighbours make its indicators correlated and the test anti-conservative.) The reference's
 * near-duplicates go first: a duplicated text would find its twin in the other half and make the
 * reference look better covered than a fresh query can be; with `dedupeQueries` the queries' too.
 * With `queryWeights` the queries are a weighted sample of requests (duplicates folded into weights),
 * and the reference keeps its duplicates: request against reference row, like with like.
 */
export interface OutsideOptions {
  readonly dedupeQueries?: boolean;
  /** Sampling weight of each query (window requests it stands for); 1 each when absent. */
  readonly queryWeights?: readonly number[];
  /** Precomputed embeddings, by the same positions as the texts (null where a text has none). */
  readonly embeddings?: { readonly reference: readonly (readonly number[] | null)[]; readonly queries: readonly (readonly number[] | null)[] };
}

export function outsideReference(allReference: readonly string[], allQueries: readonly string[], config: CoverageConfig, options: OutsideOptions = {}): { result: OutsideReference; queryRows: number[]; referenceSize: number } | null {
  // Weighted queries stand for requests, duplicates included: the reference is then compared row for
  // row (a held-out gold row and a fresh request are exchangeable given half A). Unweighted queries
  // are distinct texts, so the reference's near-duplicates go first.
  const refDup = options.queryWeights === undefined ? nearDuplicates(allReference) : undefined;
  const refRows = [...allReference.keys()].filter((i) => refDup === undefined || (refDup[i] as number) < 0);
  const reference = refRows.map((i) => allReference[i] as string);
  const queryDup = options.dedupeQueries === true ? nearDuplicates(allQueries) : undefined;
  const queryRows = [...allQueries.keys()].filter((i) => queryDup === undefined || (queryDup[i] as number) < 0);
  const queries = queryRows.map((i) => allQueries[i] as string);
  if (reference.length < 4 || queries.length === 0) return null;
  const weightOf = (q: number): number => options.queryWeights?.[queryRows[q] as number] ?? 1;
  const refVectors = refRows.map((i) => options.embeddings?.reference[i] ?? null);
  const queryVectors = queryRows.map((i) => options.embeddings?.queries[i] ?? null);
  const dims = new Set([...refVectors, ...queryVectors].map((v) => v?.length ?? -1));
  const embedded = dims.size === 1 && !dims.has(-1) && !dims.has(0);
  const [g, s] = embedded ? [denseRows(refVectors as number[][]), denseRows(queryVectors as number[][])] : (tfidfVectors([reference, queries]) as [SparseRows, SparseRows]);
  const halfA = [...Array(Math.ceil(reference.length / 2)).keys()].map((i) => 2 * i);
  const odd = [...Array(Math.floor(reference.length / 2)).keys()].map((i) => 2 * i + 1);
  const step = Math.max(1, Math.ceil(odd.length / MAX_HELD_OUT));
  const halfB = odd.filter((_, i) => i % step === 0);
  const indexA = invertedIndex(subset(g, halfA));
  const heldOut = nearestNeighbours(subset(g, halfB), indexA).similarity;
  const tau = config.similarity === 'auto' ? autoThreshold(heldOut, config.auto_quantile) : config.similarity;
  const refUncovered = countBelow(heldOut, tau);
  const vsA = nearestNeighbours(s, indexA).similarity;
  let wAll = 0;
  let wUncoveredA = 0;
  vsA.forEach((x, q) => {
    wAll += weightOf(q);
    if (x < tau) wUncoveredA += weightOf(q);
  });
  const nEffective = kishEffectiveSize(queries.map((_, q) => weightOf(q)));
  // Similarity to the whole reference = the larger of the similarities to its two halves, so the
  // queries are searched against the odd half only once more (not against all of it again).
  const indexOdd = invertedIndex(subset(g, odd));
  const vsOdd = nearestNeighbours(s, indexOdd).similarity;
  const similarity = vsA.map((a, i) => Math.max(a, vsOdd[i] as number));
  const u0 = refUncovered / halfB.length;
  const uHalf = wAll > 0 ? wUncoveredA / wAll : 0;
  // Under a mixture "a share ε of queries comes from where the reference has nothing", the uncovered
  // share is (1 − ε)·u₀ + ε, so ε̂ = (u − u₀)/(1 − u₀).
  const excess = u0 < 1 ? (uHalf - u0) / (1 - u0) : 0;
  // The queries' side enters with its effective size, so unequal weights widen it honestly.
  const pValue = proportionsZTestLarger(uHalf * nEffective, nEffective, refUncovered, halfB.length);

  const uncovered = queries.map((_, i) => i).filter((i) => (similarity[i] as number) < tau);
  // Uncovered queries are sampled as densely as the queries are, and the nearest-neighbour step grows
  // as a sample thins: τ measured against as many reference texts as there are queries links them.
  const clusterSimilarity =
    config.cluster_similarity !== 'auto' ? config.cluster_similarity
    : config.similarity !== 'auto' || queries.length >= halfA.length ? tau
    : Math.min(tau, autoThreshold(nearestNeighbours(subset(g, halfB), invertedIndex(subset(g, fixedSample(halfA.length, queries.length).map((i) => halfA[i] as number)))).similarity, config.auto_quantile));
  const found = singleLinkageClusters(subset(s, uncovered), clusterSimilarity);
  const scratch: Scratch = { acc: new Float32Array(reference.length), touched: new Int32Array(reference.length) };
  // Single linkage: two uncovered queries share a cluster when a chain of queries joins them, each step
  // as close as a held-out reference text is to its nearest reference text at the queries' density,
  // so one uncovered region is one cluster; leader clustering at τ cut it into pieces one step wide
  // (issue 13; coverage-gaps-simulation.test.ts).
  // A cluster in a region the reference merely covers thinly (a few texts around its most connected
  // query; none when the cluster similarity is τ, as no uncovered query has one) is less of a gap than
  // one in a region it never reaches: rank by the queries in the cluster beyond what the reference's
  // own density there would predict (reference texts there × size ratio).
  const perReference = queries.length / reference.length;
  const clusters = found
    .filter((c) => c.members.length >= config.min_cluster_size)
    .map((c) => {
      const rows = c.members.map((m) => uncovered[m] as number);
      const referenceNearby = countWithin(s, rows[0] as number, indexA, clusterSimilarity, scratch) + countWithin(s, rows[0] as number, indexOdd, clusterSimilarity, scratch);
      return { rows, referenceNearby, deficit: rows.length - referenceNearby * perReference, weight: rows.reduce((a, r) => a + weightOf(r), 0) };
    })
    .filter((c) => c.deficit >= config.min_cluster_size)
    .sort((a, b) => b.weight - a.weight || b.deficit - a.deficit || (a.rows[0] as number) - (b.rows[0] as number))
    .slice(0, config.max_clusters)
    .map(({ rows, referenceNearby }) => ({ rows, referenceNearby }));
  return { result: { tau, u0, uHalf, nEffective, representation: embedded ? 'embedding' : 'lexical', excess, pValue, similarity, uncovered, clusters, clusterSimilarity }, queryRows, referenceSize: reference.length };
}

function countBelow(xs: Float32Array, threshold: number): number {
  let n = 0;
  for (const x of xs) if (x < threshold) n++;
  return n;
}

/**
 * The similarity below which only a share q of held-out reference texts fall: the ⌈q·m⌉-th smallest
 * held-out similarity (so at most about q·m of them are strictly below it). At least 1e-6, so
 * queries sharing no n-gram with the reference (similarity 0) always count as uncovered.
 */
function autoThreshold(heldOut: Float32Array, q: number): number {
  const sorted = Float32Array.from(heldOut).sort();
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length)));
  return Math.max(1e-6, sorted[k] ?? 0);
}
