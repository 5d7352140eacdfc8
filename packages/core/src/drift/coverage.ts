import { topSlice, truncate } from './cluster-text.js';
import type { CoverageConfig } from './drift-config.js';
import type { DriftTestInput } from './drift-test.js';
import { outsideReference } from './outside-reference.js';

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

/**
 * Coverage gaps: shadow requests with no gold item within cosine similarity τ, clustered by leader
 * clustering and reported against the whole gold set; the test compares shadow requests with
 * held-out gold items against half of gold (outside-reference.ts has the method). The effect is the
 * estimated share of traffic outside gold's coverage, (u − u₀)/(1 − u₀).
 */
export function coverageAnalysis(allGold: readonly string[], shadow: readonly CoverageItem[], config: CoverageConfig, threshold: number): { result: CoverageResult | null; test: DriftTestInput | null } {
  const found = outsideReference(allGold, shadow.map((x) => x.text), config);
  if (found === null) return { result: null, test: null };
  const { tau, u0, uHalf: uA, excess, pValue, similarity, uncovered } = found.result;
  const wTotal = shadow.reduce((a, x) => a + x.weight, 0);
  const wUncovered = uncovered.reduce((a, i) => a + (shadow[i]?.weight ?? 0), 0);
  const uncoveredShare = wTotal > 0 ? wUncovered / wTotal : 0;
  const gaps: CoverageGap[] = found.result.clusters.map(({ rows, referenceNearby }) => ({
    size: rows.length,
    share: wTotal > 0 ? rows.reduce((a, r) => a + (shadow[r]?.weight ?? 0), 0) / wTotal : 0,
    examples: rows.slice(0, config.examples).map((r) => truncate(shadow[r]?.text ?? '', 200)),
    top_slice: topSlice(rows.map((r) => shadow[r]?.slice ?? null)),
    mean_gold_similarity: rows.reduce((a, r) => a + (similarity[r] as number), 0) / rows.length,
    gold_nearby: referenceNearby,
  }));
  const result: CoverageResult = { similarity_threshold: tau, uncovered_share: uncoveredShare, gold_uncovered_share: u0, shadow_uncovered_share_half: uA, excess, p_value: pValue, gaps };
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
