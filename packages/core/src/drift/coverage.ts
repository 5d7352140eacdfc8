import { normalSf } from '../stats/normal.js';
import { leaderClusters, subset } from '../text/leader-clusters.js';
import { countWithin, invertedIndex, nearestNeighbours, type Scratch } from '../text/nearest-neighbour.js';
import { nearDuplicates } from '../text/near-duplicates.js';
import { tfidfVectors, type SparseRows } from '../text/tfidf.js';
import type { CoverageConfig } from './drift-config.js';
import type { DriftTestInput } from './drift-test.js';

export interface CoverageItem {
  readonly text: string;
  readonly slice: string | null;
  readonly weight: number;
}

export interface CoverageGap {
  readonly size: number;
  /** Weighted share of the shadow set in this cluster. */
  readonly share: number;
  readonly examples: string[];
  /** Most common slice among the cluster's requests (null when they carry none). */
  readonly top_slice: string | null;
  /** Mean similarity of the cluster's requests to their nearest gold item. */
  readonly mean_gold_similarity: number;
  /** Gold items within the clustering similarity of the cluster's first request. */
  readonly gold_nearby: number;
}

export interface CoverageResult {
  readonly similarity_threshold: number;
  /** Share of shadow requests with no close neighbour in the whole gold set (weighted). */
  readonly uncovered_share: number;
  /** Held-out gold items' rate of no close neighbour in the other half of gold (the test's baseline u₀). */
  readonly gold_uncovered_share: number;
  /** Shadow requests' rate of no close neighbour in that same half (compared with u₀). */
  readonly shadow_uncovered_share_half: number;
  /** Estimated share of traffic outside gold's coverage, (u − u₀)/(1 − u₀). */
  readonly excess: number;
  readonly p_value: number;
  readonly gaps: CoverageGap[];
}

/** Held-out gold items used for the baseline: enough for a rate within about ±1 pt, bounded in cost. */
const MAX_HELD_OUT = 3000;

/**
 * Coverage gaps: shadow requests with no gold item within cosine similarity τ (TF-IDF of
 * character 3–4-grams, fitted on both sets), clustered by leader clustering and reported against
 * the whole gold set. Some requests are always far from a finite gold set, so the test splits gold
 * in two by position: the uncovered share of shadow requests against half A is compared with the
 * uncovered share u₀ of the gold items of half B against A. Given A, a fresh request and a held-out
 * gold item are exchangeable when nothing drifted, so the two shares are independent binomials with
 * one rate: a one-sided two-proportion z-test is valid. (Leave-one-out on the whole gold set is not:
 * mutual nearest neighbours make its indicators correlated and the test anti-conservative.)
 * The effect is the estimated share of traffic outside gold's coverage, (u − u₀)/(1 − u₀).
 */
export function coverageAnalysis(allGold: readonly string[], shadow: readonly CoverageItem[], config: CoverageConfig, threshold: number): { result: CoverageResult | null; test: DriftTestInput | null } {
  // Gold's near-duplicates go first, as the shadow set's did: a duplicated gold item would find its
  // twin in the other half and make gold look better covered than fresh traffic can be.
  const dupOf = nearDuplicates(allGold);
  const gold = allGold.filter((_, i) => (dupOf[i] as number) < 0);
  if (gold.length < 4 || shadow.length === 0) return { result: null, test: null };
  const [g, s] = tfidfVectors([gold, shadow.map((x) => x.text)]) as [SparseRows, SparseRows];
  const halfA = [...Array(Math.ceil(gold.length / 2)).keys()].map((i) => 2 * i);
  const odd = [...Array(Math.floor(gold.length / 2)).keys()].map((i) => 2 * i + 1);
  const step = Math.max(1, Math.ceil(odd.length / MAX_HELD_OUT));
  const halfB = odd.filter((_, i) => i % step === 0);
  const indexA = invertedIndex(subset(g, halfA));
  const heldOut = nearestNeighbours(subset(g, halfB), indexA).similarity;
  const tau = config.similarity === 'auto' ? autoThreshold(heldOut, config.auto_quantile) : config.similarity;
  const goldUncovered = countBelow(heldOut, tau);
  const vsA = nearestNeighbours(s, indexA).similarity;
  const shadowUncoveredA = countBelow(vsA, tau);
  // Similarity to the whole gold set = the larger of the similarities to its two halves, so the
  // shadow is searched against the odd half only once more (not against all of gold again).
  const indexOdd = invertedIndex(subset(g, odd));
  const vsOdd = nearestNeighbours(s, indexOdd).similarity;
  const nn = { similarity: vsA.map((a, i) => Math.max(a, vsOdd[i] as number)) };
  const u0 = goldUncovered / halfB.length;
  const uA = shadowUncoveredA / shadow.length;
  const pooled = (shadowUncoveredA + goldUncovered) / (shadow.length + halfB.length);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / shadow.length + 1 / halfB.length));
  // Under a mixture "a share ε of traffic comes from where gold has no items", the uncovered share is
  // (1 − ε)·u₀ + ε, so ε̂ = (u − u₀)/(1 − u₀): the estimated share of traffic outside gold's coverage.
  const excess = u0 < 1 ? (uA - u0) / (1 - u0) : 0;
  const pValue = se === 0 ? (uA > u0 ? 0 : 1) : normalSf((uA - u0) / se);

  const uncoveredIdx = shadow.map((_, i) => i).filter((i) => (nn.similarity[i] as number) < tau);
  const wTotal = shadow.reduce((a, x) => a + x.weight, 0);
  const wUncovered = uncoveredIdx.reduce((a, i) => a + (shadow[i]?.weight ?? 0), 0);
  const uncoveredShare = wTotal > 0 ? wUncovered / wTotal : 0;
  const goldShare = u0;

  const clusterSimilarity = config.cluster_similarity === 'auto' ? tau : config.cluster_similarity;
  const clusters = leaderClusters(subset(s, uncoveredIdx), clusterSimilarity);
  const scratch: Scratch = { acc: new Float32Array(gold.length), touched: new Int32Array(gold.length) };
  // A cluster in a region gold merely covers thinly (a few gold items around its leader) is less of
  // a gap than one in a region gold never reaches: rank by the shadow requests in the cluster beyond
  // what gold's own density around the leader would predict (gold items there × shadow/gold size).
  const perGold = shadow.length / gold.length;
  const gaps: CoverageGap[] = clusters
    .filter((c) => c.members.length >= config.min_cluster_size)
    .map((c) => {
      const rows = c.members.map((m) => uncoveredIdx[m] as number);
      const goldNearby = countWithin(s, rows[0] as number, indexA, clusterSimilarity, scratch) + countWithin(s, rows[0] as number, indexOdd, clusterSimilarity, scratch);
      return { rows, goldNearby, deficit: rows.length - goldNearby * perGold };
    })
    .filter((c) => c.deficit >= config.min_cluster_size)
    .sort((a, b) => b.deficit - a.deficit || (a.rows[0] as number) - (b.rows[0] as number))
    .slice(0, config.max_clusters)
    .map(({ rows, goldNearby }) => {
      const slices = new Map<string, number>();
      for (const r of rows) {
        const sl = shadow[r]?.slice;
        if (sl !== null && sl !== undefined) slices.set(sl, (slices.get(sl) ?? 0) + 1);
      }
      const top = [...slices].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      return {
        size: rows.length,
        share: wTotal > 0 ? rows.reduce((a, r) => a + (shadow[r]?.weight ?? 0), 0) / wTotal : 0,
        examples: rows.slice(0, config.examples).map((r) => truncate(shadow[r]?.text ?? '', 200)),
        top_slice: top === undefined ? null : top[0],
        mean_gold_similarity: rows.reduce((a, r) => a + (nn.similarity[r] as number), 0) / rows.length,
        gold_nearby: goldNearby,
      };
    });
  const result: CoverageResult = { similarity_threshold: tau, uncovered_share: uncoveredShare, gold_uncovered_share: goldShare, shadow_uncovered_share_half: uA, excess, p_value: pValue, gaps };
  const largest = gaps[0];
  const test: DriftTestInput = {
    kind: 'coverage_gap',
    slice: largest?.top_slice ?? null,
    name: 'coverage',
    effectName: 'uncovered_traffic_share',
    effect: excess,
    threshold,
    pValue,
    message: `${(100 * uncoveredShare).toFixed(1)}% of shadow traffic has no gold item within similarity ${tau.toFixed(3)} (against half of gold: ${(100 * uA).toFixed(1)}% vs ${(100 * u0).toFixed(1)}% for held-out gold items; about ${(100 * excess).toFixed(1)}% of traffic lies outside what gold covers)${largest === undefined ? '' : `; largest gap: ${largest.size} requests like "${truncate(largest.examples[0] ?? '', 80)}"`}`,
  };
  return { result, test };
}

function truncate(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, n - 1)}…`;
}

function countBelow(xs: Float32Array, threshold: number): number {
  let n = 0;
  for (const x of xs) if (x < threshold) n++;
  return n;
}

/**
 * The similarity below which only a share q of held-out gold items fall: the ⌈q·m⌉-th smallest
 * held-out similarity (so at most about q·m of them are strictly below it). At least 1e-6, so
 * requests sharing no n-gram with gold (similarity 0) always count as uncovered.
 */
function autoThreshold(heldOut: Float32Array, q: number): number {
  const sorted = Float32Array.from(heldOut).sort();
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length)));
  return Math.max(1e-6, sorted[k] ?? 0);
}
