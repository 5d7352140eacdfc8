import { topSlice, truncate } from './cluster-text.js';
import type { CoverageConfig } from './drift-config.js';
import type { DriftTestInput } from './drift-test.js';
import { outsideReference } from './outside-reference.js';

export interface CoverageItem {
  readonly text: string;
  readonly slice: string | null;
  /** Window requests the item stands for (shadow weight). */
  readonly weight: number;
  /** A precomputed embedding of the request, when traffic carries one. */
  readonly embedding?: readonly number[] | null;
  /** The request's metadata (string values), for the gap's most common values. */
  readonly metadata?: Readonly<Record<string, string>> | null;
}

export interface CoverageGap {
  /** Shadow items in the cluster. */
  readonly size: number;
  /** Window requests they stand for (Σ weights). */
  readonly requests: number;
  /** Weighted share of traffic in this cluster (the gaps are ranked by it). */
  readonly share: number;
  readonly examples: string[];
  /** Most common slice among the cluster's requests (null when they carry none). */
  readonly top_slice: string | null;
  /** Mean similarity of the cluster's requests to their nearest gold item. */
  readonly mean_gold_similarity: number;
  /** Gold items within the clustering similarity of the cluster's first request. */
  readonly gold_nearby: number;
  /** Per metadata key, the most common value among the cluster's requests and its weighted share of the cluster. */
  readonly top_metadata: { key: string; value: string; share: number }[];
}

export interface CoverageResult {
  readonly similarity_threshold: number;
  /** Cosine similarity at which two uncovered requests are linked into one gap (single linkage). */
  readonly cluster_similarity: number;
  /** How texts were compared: cosine of embeddings (every gold item and request has one) or character n-gram TF-IDF. */
  readonly representation: 'embedding' | 'lexical';
  /** Kish's effective size of the shadow items behind the weighted shares. */
  readonly n_effective: number;
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

/**
 * Coverage gaps: shadow requests with no gold item within cosine similarity τ, clustered by single
 * linkage at τ and reported against the whole gold set; the test compares shadow requests with
 * held-out gold items against half of gold (outside-reference.ts has the method). The effect is the
 * estimated share of traffic outside gold's coverage, (u − u₀)/(1 − u₀).
 */
export function coverageAnalysis(
  allGold: readonly string[],
  shadow: readonly CoverageItem[],
  config: CoverageConfig,
  threshold: number,
  goldEmbeddings?: readonly (readonly number[] | null)[],
): { result: CoverageResult | null; test: DriftTestInput | null } {
  const found = outsideReference(allGold, shadow.map((x) => x.text), config, {
    queryWeights: shadow.map((x) => x.weight),
    ...(goldEmbeddings === undefined ? {} : { embeddings: { reference: goldEmbeddings, queries: shadow.map((x) => x.embedding ?? null) } }),
  });
  if (found === null) return { result: null, test: null };
  const { tau, u0, uHalf: uA, excess, pValue, similarity, uncovered, nEffective, representation } = found.result;
  const wTotal = shadow.reduce((a, x) => a + x.weight, 0);
  const wUncovered = uncovered.reduce((a, i) => a + (shadow[i]?.weight ?? 0), 0);
  const uncoveredShare = wTotal > 0 ? wUncovered / wTotal : 0;
  const gaps: CoverageGap[] = found.result.clusters.map(({ rows, referenceNearby }) => ({
    size: rows.length,
    requests: rows.reduce((a, r) => a + (shadow[r]?.weight ?? 0), 0),
    share: wTotal > 0 ? rows.reduce((a, r) => a + (shadow[r]?.weight ?? 0), 0) / wTotal : 0,
    examples: rows.slice(0, config.examples).map((r) => truncate(shadow[r]?.text ?? '', 200)),
    top_slice: topSlice(rows.map((r) => shadow[r]?.slice ?? null)),
    mean_gold_similarity: rows.reduce((a, r) => a + (similarity[r] as number), 0) / rows.length,
    gold_nearby: referenceNearby,
    top_metadata: topMetadata(rows.map((r) => shadow[r] as CoverageItem)),
  }));
  const result: CoverageResult = { similarity_threshold: tau, cluster_similarity: found.result.clusterSimilarity, representation, n_effective: nEffective, uncovered_share: uncoveredShare, gold_uncovered_share: u0, shadow_uncovered_share_half: uA, excess, p_value: pValue, gaps };
  const largest = gaps[0];
  const test: DriftTestInput = {
    kind: 'coverage_gap',
    slice: largest?.top_slice ?? null,
    name: 'coverage',
    effectName: 'uncovered_traffic_share',
    effect: excess,
    threshold,
    pValue,
    message: `${(100 * uncoveredShare).toFixed(1)}% of traffic (weighted shadow set, effective n ${nEffective.toFixed(0)}) has no gold item within ${representation === 'embedding' ? 'embedding' : 'text'} similarity ${tau.toFixed(3)} (against half of gold: ${(100 * uA).toFixed(1)}% of traffic vs ${(100 * u0).toFixed(1)}% of held-out gold items; about ${(100 * excess).toFixed(1)}% of traffic lies outside what gold covers)${largest === undefined ? '' : `; largest gap: ${(100 * largest.share).toFixed(1)}% of traffic (${largest.size} items)${gapLabel(largest, shadow)} like "${truncate(largest.examples[0] ?? '', 80)}"`}`,
  };
  return { result, test };
}

/** Per metadata key, the most common value among some requests, by weight (ties: alphabetical). */
export function topMetadata(items: readonly CoverageItem[]): { key: string; value: string; share: number }[] {
  const byKey = new Map<string, Map<string, number>>();
  let total = 0;
  for (const it of items) {
    total += it.weight;
    for (const [k, v] of Object.entries(it.metadata ?? {})) {
      const m = byKey.get(k) ?? new Map<string, number>();
      m.set(v, (m.get(v) ?? 0) + it.weight);
      byKey.set(k, m);
    }
  }
  return [...byKey.keys()].sort().map((key) => {
    const [value, w] = [...(byKey.get(key) as Map<string, number>)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] as [string, number];
    return { key, value, share: total > 0 ? w / total : 0 };
  });
}

/**
 * ", mostly intent=crypto_refund (90% of the gap, 7% of traffic)" for the metadata value held by most of
 * a gap and most over-represented in it against all traffic (a value every request has says nothing), else "".
 */
function gapLabel(gap: CoverageGap, items: readonly CoverageItem[]): string {
  const overall = (key: string, value: string): number => {
    let w = 0;
    let hit = 0;
    for (const it of items) {
      w += it.weight;
      if (it.metadata?.[key] === value) hit += it.weight;
    }
    return w > 0 ? hit / w : 0;
  };
  const best = gap.top_metadata
    .filter((m) => m.share >= 0.5)
    .map((m) => ({ ...m, base: overall(m.key, m.value) }))
    .filter((m) => m.base < 0.5)
    .sort((a, b) => b.share / Math.max(b.base, 1e-9) - a.share / Math.max(a.base, 1e-9) || (a.key < b.key ? -1 : 1))[0];
  return best === undefined ? '' : `, mostly ${best.key}=${best.value} (${(100 * best.share).toFixed(0)}% of the gap, ${(100 * best.base).toFixed(1)}% of traffic)`;
}
