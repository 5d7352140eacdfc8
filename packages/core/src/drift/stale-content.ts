import { topSlice, truncate } from './cluster-text.js';
import type { CoverageConfig } from './drift-config.js';
import type { DriftTestInput } from './drift-test.js';
import { outsideReference } from './outside-reference.js';

export interface StaleContentItem {
  readonly text: string;
  /** The gold item's slice (failure mode, intent …), null when it has none. */
  readonly slice: string | null;
}

export interface StaleCluster {
  readonly size: number;
  /** Share of the gold items tested (after near-duplicates) in this cluster. */
  readonly share: number;
  readonly examples: string[];
  /** Most common slice among the cluster's gold items (null when they carry none). */
  readonly top_slice: string | null;
  /** Mean similarity of the cluster's gold items to their nearest shadow request. */
  readonly mean_traffic_similarity: number;
  /** Shadow requests within the clustering similarity of the cluster's first gold item. */
  readonly traffic_nearby: number;
}

export interface StaleContentResult {
  readonly similarity_threshold: number;
  /** Share of the gold items compared (`gold_items`, near-duplicates counted once) with no close request in the whole shadow set. */
  readonly stale_share: number;
  /** Held-out shadow requests' rate of no close neighbour in the other half of the shadow set (u₀). */
  readonly traffic_uncovered_share: number;
  /** Gold items' rate of no close neighbour in that same half (compared with u₀). */
  readonly gold_uncovered_share_half: number;
  /** Estimated share of gold outside what current traffic asks, (u − u₀)/(1 − u₀). */
  readonly excess: number;
  readonly p_value: number;
  /** Distinct gold items compared (gold's near-duplicates dropped): the denominator of every share here. */
  readonly gold_items: number;
  readonly clusters: StaleCluster[];
}

/**
 * Stale gold by content: gold items with no shadow request within cosine similarity τ. It is the
 * coverage-gap test turned around (outside-reference.ts): the shadow set is the reference, split in
 * two; gold items and held-out shadow requests are compared against one half. A workflow that was
 * sunset, an intent that faded, a product that is gone: their gold items stay and keep scoring,
 * but no traffic like them arrives. Unlike stale gold slices it needs no slice names shared by gold
 * and traffic, only texts. Gold's near-duplicates are dropped first (a duplicated stale item would
 * count twice). The shadow set's sampling weights are not applied: under a stratified (Neyman) shadow
 * set, gold items in over-sampled slices look better covered than under a proportional one.
 */
export function staleContentAnalysis(shadowTexts: readonly string[], gold: readonly StaleContentItem[], config: CoverageConfig, threshold: number): { result: StaleContentResult | null; test: DriftTestInput | null } {
  const found = outsideReference(shadowTexts, gold.map((g) => g.text), config, { dedupeQueries: true });
  if (found === null) return { result: null, test: null };
  const { tau, u0, uHalf, excess, pValue, similarity, uncovered } = found.result;
  const items = found.queryRows.map((i) => gold[i] as StaleContentItem);
  const n = items.length;
  const clusters: StaleCluster[] = found.result.clusters.map(({ rows, referenceNearby }) => ({
    size: rows.length,
    share: rows.length / n,
    examples: rows.slice(0, config.examples).map((r) => truncate(items[r]?.text ?? '', 200)),
    top_slice: topSlice(rows.map((r) => items[r]?.slice ?? null)),
    mean_traffic_similarity: rows.reduce((a, r) => a + (similarity[r] as number), 0) / rows.length,
    traffic_nearby: referenceNearby,
  }));
  const staleShare = uncovered.length / n;
  const result: StaleContentResult = { similarity_threshold: tau, stale_share: staleShare, traffic_uncovered_share: u0, gold_uncovered_share_half: uHalf, excess, p_value: pValue, gold_items: n, clusters };
  const largest = clusters[0];
  const test: DriftTestInput = {
    kind: 'stale_content',
    slice: largest?.top_slice ?? null,
    name: 'stale_content',
    effectName: 'stale_gold_share',
    effect: excess,
    threshold,
    pValue,
    message: `${(100 * staleShare).toFixed(1)}% of the ${n} distinct gold items compared (near-duplicates counted once) have no shadow request within similarity ${tau.toFixed(3)} (against half of the shadow set: ${(100 * uHalf).toFixed(1)}% vs ${(100 * u0).toFixed(1)}% for held-out requests; about ${(100 * excess).toFixed(1)}% of gold asks what current traffic no longer does)${largest === undefined ? '' : `; largest: ${largest.size} gold items like "${truncate(largest.examples[0] ?? '', 80)}"`}`,
  };
  return { result, test };
}
