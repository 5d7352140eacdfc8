import type { CandidateRow } from '../shadow/shadow-item.js';
import type { TrafficWindow } from '../shadow/shadow-sql.js';

/** Requests per stratum in a window, and the judge's passes among them (shadow allocation). */
export type StratumCount = { readonly stratum: string; readonly n: number; readonly n_scored: number; readonly n_pass: number };

/** Requests per slice in the window, and each slice's latest request before it. */
export type WindowSliceCount = { readonly slice: string | null; readonly n_window: number; readonly last_before: string | null };

/** One metadata value's counts (drift-sql.ts metadataCountsSql documents each column). */
export type MetadataValueCount = {
  readonly key: string;
  readonly value: string;
  readonly baseline: number;
  readonly window: number;
  readonly unseen: boolean;
  readonly win_unseen: number;
  readonly last_unseen: number;
  readonly last_total: number;
  /** The value's rank by requests within its key ('(other)' takes the best rank it merged). */
  readonly rank: number;
};

/** One window metadata value against gold's values (gold-context-sql.ts windowVsGoldMetadataSql). */
export type GoldMetadataValueCount = {
  readonly key: string;
  readonly value: string;
  readonly window: number;
  readonly not_in_a: number;
  readonly not_in_gold: number;
  readonly unseen: boolean;
  readonly rank: number;
};

/** Gold items' metadata values, each in split-half A or B. */
export type GoldMetadataValue = { readonly key: string; readonly value: string; readonly half: 'A' | 'B' };

export type MetadataCountsRequest = {
  readonly keys: readonly string[];
  readonly window: TrafficWindow;
  readonly baselineStart: string;
  readonly turnoverStart: string;
  readonly topK: number;
};

/**
 * Where production traffic is read from: the embedded store, or an engine that already holds it
 * (ClickHouse). Every method is an aggregate or a bounded sample, so only small results cross
 * from the engine to Touchstone; the SQL behind each is built by pure functions per engine.
 */
export interface TrafficSource {
  /** `duckdb` (the store's own traffic table) or `clickhouse`. */
  readonly kind: 'duckdb' | 'clickhouse';
  /** What a shadow set built from this source records as its origin (engine, table, columns). */
  readonly description: string;
  strata(window: TrafficWindow, stratifyBy: string, passThreshold: number): Promise<StratumCount[]>;
  /** Per stratum the first `limits` rows in the seeded order (shadow-sql.ts candidatesSql). */
  candidates(window: TrafficWindow, stratifyBy: string, seed: string, limits: ReadonlyMap<string, number>): Promise<CandidateRow[]>;
  windowSlices(window: TrafficWindow): Promise<WindowSliceCount[]>;
  metadataCounts(request: MetadataCountsRequest): Promise<MetadataValueCount[]>;
  windowVsGoldMetadata(gold: readonly GoldMetadataValue[], window: TrafficWindow, topK: number): Promise<GoldMetadataValueCount[]>;
  /** First and last request time and the number of requests (for "no traffic in the window" messages). */
  span(): Promise<{ lo: string | null; hi: string | null; n: number }>;
}
